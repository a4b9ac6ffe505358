package nn.api.train;

import java.util.Random;

/**
 * An epoch's training steps in this process: the plan's order cut into batches, per batch one
 * {@link TrainingStep#run} (forward, loss, backward, update), its phases timed.
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
        PhaseTotals phases = new PhaseTotals();
        for (int s = 0, steps = steps(); s < steps; s++) {
            int from = s * config.batch();
            int size = Math.min(config.batch(), n - from);
            phases.mark();
            BatchFeeder.Batch batch = feeder.batch(order, from, size, config.augmentation(), augmentation);
            phases.lap(StepPhase.FEED);
            double loss = step.run(batch.input, batch.target, phases);
            if (!Double.isFinite(loss)) throw new TrainingDiverged(epoch, s + 1, loss);
            lossSum += loss;
            onStep.accept(s + 1, loss);
        }
        lastPhases = phases.toStepPhases();
        return lossSum;
    }

    @Override
    public StepPhases lastPhases() {
        return lastPhases;
    }
}
