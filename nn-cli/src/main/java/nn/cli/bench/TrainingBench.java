package nn.cli.bench;

import nn.api.data.Examples;
import nn.api.data.Normalization;
import nn.api.network.Network;
import nn.api.random.Permutations;
import nn.api.runtime.Loss;
import nn.api.runtime.Optimizer;
import nn.api.train.BatchFeeder;
import nn.api.train.TrainingDiverged;
import nn.api.train.PhaseTotals;
import nn.api.train.StepPhase;
import nn.api.train.TrainingStep;
import nn.api.runtime.StepMemory;

import java.util.Random;

/**
 * Times the trainer's own step (data, forward with the loss, backward, optimizer) with
 * System.nanoTime around each phase; ND4J's CPU ops return when done, so the phases are
 * separate. Batches walk a shuffled order of the training set as in training; only full
 * batches are used so every step does the same work. Then times inference in batches of
 * 1000 on the test set (forward only, each input batch made before its timed pass).
 */
public final class TrainingBench {
    /**
     * Counts the Java heap bytes this thread allocates (the garbage a training step leaves) and
     * its CPU time (steadier than wall time when others share the cores).
     */
    private static final com.sun.management.ThreadMXBean ALLOCATION =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    private final Network network;
    private final TrainingStep step;
    private final BenchSettings settings;

    public TrainingBench(Network network, Loss loss, Optimizer optimizer, BenchSettings settings) {
        this.network = network;
        this.step = new TrainingStep(network, loss, optimizer);
        this.settings = settings;
    }

    public BenchResult run(String model, Examples train, Examples test, Normalization normalization) {
        int batch = settings.batch();
        if (train.count() < batch) {
            throw new IllegalArgumentException("batch " + batch + " is larger than the " + train.count()
                    + " training examples");
        }
        PeakMemory.reset();
        BatchFeeder feeder = new BatchFeeder(train, normalization, network.inputShape());
        Order order = new Order(train.count(), batch, new Random(settings.seed()));
        for (int i = 0; i < settings.warmup(); i++) trainStep(feeder, order, new PhaseTotals());

        int rounds = settings.rounds();
        double[] stepMs = new double[rounds];
        double[] cpuMs = new double[rounds];
        double[][] phaseMs = new double[StepPhase.values().length][rounds];
        double loss = 0;
        long allocatedBefore = ALLOCATION.getCurrentThreadAllocatedBytes();
        for (int r = 0; r < rounds; r++) {
            PhaseTotals phases = new PhaseTotals();
            loss = 0;
            long start = System.nanoTime(), cpuStart = ALLOCATION.getCurrentThreadCpuTime();
            for (int s = 0; s < settings.steps(); s++) loss += trainStep(feeder, order, phases);
            stepMs[r] = (System.nanoTime() - start) / 1e6 / settings.steps();
            cpuMs[r] = (ALLOCATION.getCurrentThreadCpuTime() - cpuStart) / 1e6 / settings.steps();
            for (StepPhase p : StepPhase.values()) phaseMs[p.ordinal()][r] = phases.nanos(p) / 1e6 / settings.steps();
        }
        long heapBytesPerStep = (ALLOCATION.getCurrentThreadAllocatedBytes() - allocatedBefore)
                / ((long) rounds * settings.steps());
        double inference = inferenceImagesPerSecond(test, normalization);
        int stepsPerEpoch = (train.count() + batch - 1) / batch;
        return new BenchResult(model, network.parameterCount(), batch, settings.steps(), rounds, stepsPerEpoch,
                Median.of(stepMs), Median.of(cpuMs), Median.of(phaseMs[0]), Median.of(phaseMs[1]), Median.of(phaseMs[2]),
                Median.of(phaseMs[3]), heapBytesPerStep, inference, PeakMemory.peakBytes(), loss / settings.steps(),
                StepFlops.perStep(network, batch), SgemmPeak.gflops());
    }

    /** One training step, run as the trainer runs it; its phases added into {@code phases}. */
    private double trainStep(BatchFeeder feeder, Order order, PhaseTotals phases) {
        phases.mark();
        BatchFeeder.Batch b = feeder.batch(order.indices, order.next(), settings.batch());
        phases.lap(StepPhase.FEED);
        double loss = step.run(b.input, b.target, phases);
        if (!Double.isFinite(loss)) throw new TrainingDiverged(1, 0, loss);
        return loss;
    }

    /** Images per second of forward passes in evaluation mode; the median of the rounds. */
    private double inferenceImagesPerSecond(Examples test, Normalization normalization) {
        int size = Math.min(BenchSettings.INFERENCE_BATCH, test.count());
        BatchFeeder feeder = new BatchFeeder(test, normalization, network.inputShape());
        int[] order = Permutations.identity(test.count());
        int batches = Math.min(settings.inferenceBatches(), test.count() / size);
        long warmUntil = System.nanoTime() + (long) (BenchSettings.INFERENCE_WARMUP_SECONDS * 1e9);
        do {
            forwardNanos(feeder, order, size, batches); // untimed (BenchSettings: why)
        } while (System.nanoTime() < warmUntil);
        double[] rate = new double[settings.rounds()];
        for (int r = 0; r < rate.length; r++) {
            rate[r] = (double) batches * size / (forwardNanos(feeder, order, size, batches) / 1e9);
        }
        return Median.of(rate);
    }

    /** One pass over the first {@code batches} batches: the nanoseconds of the forward passes alone, each batch made before its pass. */
    private long forwardNanos(BatchFeeder feeder, int[] order, int size, int batches) {
        long nanos = 0;
        for (int k = 0; k < batches; k++) {
            BatchFeeder.Batch b = feeder.batch(order, k * size, size);
            long start = System.nanoTime();
            try (StepMemory scope = StepMemory.open(StepMemory.Purpose.INFERENCE)) {
                network.forward(b.input, false);
            }
            nanos += System.nanoTime() - start;
        }
        return nanos;
    }

    /** A shuffled order of the training set, reshuffled whenever the next full batch would not fit. */
    private static final class Order {
        final int[] indices;
        private final int batch;
        private final Random rng;
        private int cursor;

        Order(int n, int batch, Random rng) {
            this.indices = Permutations.identity(n);
            this.batch = batch;
            this.rng = rng;
            shuffle();
        }

        int next() {
            if (cursor + batch > indices.length) shuffle();
            int from = cursor;
            cursor += batch;
            return from;
        }

        private void shuffle() {
            Permutations.shuffle(indices, rng);
            cursor = 0;
        }
    }
}
