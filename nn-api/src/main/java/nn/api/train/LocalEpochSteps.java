package nn.api.train;

import nn.api.runtime.StepMemory;

import java.util.Random;

/**
 * An epoch's training steps in this process: the plan's order cut into batches, per batch one
 * {@link TrainingStep} (forward, loss, backward, update) inside its own step memory.
 */
final class LocalEpochSteps implements EpochSteps {
    private final TrainingStep step;
    private final BatchFeeder feeder;
    private final EpochPlan plan;
    private final TrainConfig config;
    private StepPhases lastPhases;

    LocalEpochSteps(TrainingStep step, BatchFeeder feeder, EpochPlan plan, TrainConfig config) {
        this.step = step;
        this.feeder = feeder;
        this.plan = plan;
        this.config = config;
    }

    @Override
    public int steps() {
        return (feeder.size() + config.batch() - 1) / config.batch();
    }

    /** @throws TrainingDiverged at the first step whose loss is not finite, before that step's update */
    @Override
    public double run(int epoch, StepLoss onStep) {
        int n = feeder.size();
        int[] order = plan.order(n, epoch);
        Random augmentation = plan.augmentation(epoch);
        double lossSum = 0;
        long feed = 0, forward = 0, backward = 0, update = 0;
        for (int s = 0, steps = steps(); s < steps; s++) {
            int from = s * config.batch();
            int size = Math.min(config.batch(), n - from);
            long t0 = System.nanoTime();
            BatchFeeder.Batch batch = feeder.batch(order, from, size, config.augmentation(), augmentation);
            double loss;
            long t1 = System.nanoTime(), t2, t3;
            try (StepMemory scope = StepMemory.open(StepMemory.Purpose.TRAINING)) {
                loss = step.loss(step.forward(batch.input), batch.target);
                // Checked before the update, so the parameters never take a NaN step.
                if (!Double.isFinite(loss)) throw new TrainingDiverged(epoch, s + 1, loss);
                t2 = System.nanoTime();
                step.backward();
                t3 = System.nanoTime();
                step.update();
            }
            update += System.nanoTime() - t3;
            feed += t1 - t0;
            forward += t2 - t1;
            backward += t3 - t2;
            lossSum += loss;
            onStep.accept(s + 1, loss);
        }
        lastPhases = new StepPhases(feed / 1e9, forward / 1e9, backward / 1e9, update / 1e9, 0, 0);
        return lossSum;
    }

    @Override
    public StepPhases lastPhases() {
        return lastPhases;
    }
}
