package nn.spark;

import nn.api.graph.Graph;
import nn.api.graph.GraphJson;
import nn.api.network.Network;
import nn.api.network.NetworkBuilder;
import nn.api.random.SplitMix64;
import nn.api.registry.Registry;
import nn.api.internal.kernels.HostKernels;
import nn.api.runtime.Loss;
import nn.api.runtime.Optimizer;
import nn.api.train.BatchFeeder;
import nn.api.train.EpochPlan;
import nn.api.train.TrainAssembly;
import nn.api.train.TrainingStep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * One worker's replica of the network and its share of the training data ({@link WorkerShare}), kept
 * by the executor between synchronisations. With the data replicated (the default), the epoch visits
 * the examples in the single-process order ({@link EpochPlan#order}); each global batch of
 * workers x batch examples is cut into one slice per worker. So with the file's batch split across
 * the workers ({@code --batch B/N}), every step averages the gradient of exactly the examples one
 * process would have used. Networks are not
 * thread-safe, so there is one replica per worker (partition), never shared between tasks.
 *
 * <p>Every task starts from the parameters the driver broadcast, so a task that failed half
 * way and is retried computes exactly what the first attempt would have.
 */
final class Replica {
    private static final Map<String, Replica> REPLICAS = new ConcurrentHashMap<>();

    private final WorkerJob job;
    private final int worker;
    private final TrainAssembly assembly;
    private final Network network;
    private final Loss loss;
    private final BatchFeeder feeder;
    private final WorkerShare share;
    private float[] buffer;
    /** The synchronisation last started here and the layers' state before it, for a retried task. */
    private String startedSync;
    private ArrayState stateBeforeSync;

    private Replica(WorkerJob job, int worker) {
        this.job = job;
        this.worker = worker;
        WorkerRuntime.startBackend(job.backend(), job.threads());
        Graph graph;
        try {
            graph = GraphJson.read(job.graphJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model sent by the driver: " + e.getMessage(), e);
        }
        this.assembly = TrainAssembly.of(graph, WorkerRuntime.registry(), null);
        // Its own seed per worker: the parameters come from the driver, but dropout masks should differ.
        this.network = assembly.network(EpochPlan.epochSeed(job.seed(), -1 - worker));
        this.loss = assembly.loss();
        this.share = WorkerShare.of(job, worker, assembly.train().data());
        this.feeder = new BatchFeeder(share.examples(), share.normalization(), network.inputShape());
    }

    /** This executor's replica for a worker of a run, built on first use. */
    static Replica of(WorkerJob job, int worker) {
        return REPLICAS.computeIfAbsent(job.runId() + "/" + worker, k -> new Replica(job, worker));
    }

    /** Drops a run's replicas (the driver's JVM in local mode; executors end with the application). */
    static void forget(String runId) {
        REPLICAS.keySet().removeIf(k -> k.startsWith(runId + "/"));
    }

    int shardSize() {
        return share.perEpoch();
    }

    /** The checksum of the parameters this replica holds now. */
    long paramsChecksum() {
        buffer = HostKernels.read(network.params(), buffer);
        return Checksums.of(buffer);
    }

    /** Takes the driver's parameters. */
    void load(float[] params) {
        HostKernels.write(params, network.params());
    }

    /** Runs the steps of one synchronisation from the broadcast parameters, timing its phases on {@code clock}. */
    WorkerResult run(SyncRequest sync, PhaseClock clock) {
        rewindIfRetried(sync);
        load(sync.params());
        long startChecksum = paramsChecksum();
        clock.lap(PhaseClock.Phase.LOAD);
        // Parameter averaging: a fresh optimizer with the driver's (averaged) state at every sync.
        Optimizer optimizer = null;
        if (!job.gradientAveraging()) {
            optimizer = assembly.optimizer(network);
            if (sync.optimizerState() != null) optimizer.restore(sync.optimizerState().arrays());
            optimizer.setLearningRate(sync.learningRate());
        }
        TrainingStep step = new TrainingStep(network, loss, optimizer);
        clock.lap(PhaseClock.Phase.OPTIMIZER);
        int[] examples = new int[sync.steps()];
        double[] losses = new double[sync.steps()];
        int[] epochOrder = share.order(sync.epoch());
        for (int i = 0; i < sync.steps(); i++) {
            int s = sync.firstStep() + i;
            int from = share.from(s);
            int n = share.count(s);
            if (n == 0) continue; // the last global batch may not reach every worker
            // Seeded by epoch, step and worker alone, so a retried task draws the same images.
            Random augment = new Random(EpochPlan.epochSeed(job.seed() ^ (SplitMix64.GAMMA * (worker + 1)), sync.epoch()) + s);
            BatchFeeder.Batch batch = feeder.batch(epochOrder, from, n, job.augmentation(), augment);
            clock.lap(PhaseClock.Phase.FEED);
            clock.step();
            double value = step.run(batch.input, batch.target, clock.stepLaps());
            examples[i] = n;
            losses[i] = value;
            if (!Double.isFinite(value)) break; // no parameter took the step; the driver stops
        }
        float[] vector = null;
        int total = IntStream.of(examples).sum();
        if (job.gradientAveraging()) {
            if (total > 0) vector = HostKernels.read(network.grads(), null);
        } else {
            vector = HostKernels.read(network.params(), null);
        }
        ArrayState optimizerState = optimizer == null ? null : ArrayState.of(optimizer.state());
        ArrayState layerState = ArrayState.of(network.layerState());
        clock.lap(PhaseClock.Phase.RESULT);
        return new WorkerResult(worker, examples, losses, vector, optimizerState, layerState, startChecksum,
                clock.finish(), WorkerPlacement.here());
    }

    /**
     * A task Spark retries after it ran (some of) its steps would otherwise count them twice in
     * the layers' own state: batch norm's running statistics, dropout's generator. Its retry
     * starts from the state the first attempt started from, so the result is the same.
     */
    private void rewindIfRetried(SyncRequest sync) {
        String key = sync.epoch() + ":" + sync.firstStep();
        if (key.equals(startedSync)) {
            if (!stateBeforeSync.isEmpty()) network.restoreLayerState(stateBeforeSync.arrays());
        } else {
            startedSync = key;
            stateBeforeSync = ArrayState.of(network.layerState());
        }
    }
}
