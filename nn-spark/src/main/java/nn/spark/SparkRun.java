package nn.spark;

import nn.api.graph.GraphJson;
import nn.api.network.Network;
import nn.api.internal.kernels.HostKernels;
import nn.api.runtime.Optimizer;
import nn.api.train.distributed.DistributedTraining;
import nn.api.train.TrainConfig;
import nn.api.train.TrainingDiverged;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The driver's side of synchronous data-parallel training. Per synchronisation: broadcast the
 * parameters, every worker (one Spark partition each) runs its steps on its shard, the driver
 * combines the results weighted by examples and leaves them in its own network and optimizer:
 * <ul>
 *   <li>sync every step (gradient averaging): the workers send their mean gradients, the driver
 *   takes one optimizer step with their weighted mean: exactly one step over the global batch
 *   (workers x batch). The optimizer state lives on the driver only.</li>
 *   <li>sync every K steps (parameter averaging): each worker takes K optimizer steps from the
 *   driver's parameters and optimizer state; the driver averages parameters and state.</li>
 * </ul>
 * A failed task changes nothing on the driver: results are combined only once every worker's
 * has arrived, and Spark reruns the failed task from the same broadcast.
 */
final class SparkRun implements DistributedTraining.Session {
    private final JavaSparkContext spark;
    private final CommunicationMeter meter = new CommunicationMeter();
    private final SyncStatistics statistics = new SyncStatistics();
    private final DistributedTraining.Request request;
    private final Network network;
    private final Optimizer optimizer;
    private Broadcast<WorkerJob> job;
    private JavaRDD<Integer> workers;
    /** The executor holding each worker's replica (null in local mode). */
    private List<String> places;
    private int workerCount;
    private final int steps;
    private final String runId = UUID.randomUUID().toString();
    /** Spark property (spark-submit --conf, or -D on the driver): each worker keeps only its shard of the data. */
    static final String SHARDS_PROPERTY = "spark.nn.shards";
    private final boolean shards;
    private float[] params;

    SparkRun(DistributedTraining.Request request) {
        this.request = request;
        this.network = request.network();
        this.optimizer = request.optimizer();
        SparkLogging.quiet();
        SparkConf conf = new SparkConf().setMaster(request.master()).setAppName("nn train " + request.graph().name())
                .setIfMissing("spark.ui.enabled", "false");
        if (request.master().startsWith("local") || onLoopback(request.master())) {
            // Local mode, or a cluster on this machine's loopback (nn-spark/cluster.sh): the driver's endpoints stay there too.
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!request.master().startsWith("local")) {
            // Executors are JVMs of their own: ship nn's jars and the plugins' to them (beside spark-submit's --jars).
            conf.set("spark.jars", String.join(",", JarsToShip.add(conf.get("spark.jars", ""), request.registry())));
        }
        // A result above this size (1 MB by default: a CNN's gradient, parameter averaging's state) is left in the
        // executor's block manager and fetched by the driver in a second round trip; below Spark's RPC message
        // limit (128 MB) it comes back with the task's status update.
        conf.setIfMissing("spark.task.maxDirectResultSize", "64m");
        this.shards = conf.getBoolean(SHARDS_PROPERTY, false);
        this.spark = new JavaSparkContext(conf);
        try {
            spark.sc().addSparkListener(meter);
            this.steps = prepareWorkers();
        } catch (Throwable e) { // Spark throws undeclared checked exceptions too
            spark.stop();
            throw e;
        }
    }

    /** Broadcasts the job, builds every worker's replica and returns the steps per epoch. */
    private int prepareWorkers() {
        // In local mode the executors are this JVM's threads: the backend the driver started serves them.
        if (request.master().startsWith("local")) {
            WorkerRuntime.backendStarted(request.backend());
            WorkerRuntime.useRegistry(request.registry()); // plugins from --plugins too; none: the workers build their own
        }
        workerCount = request.workers() > 0 ? request.workers() : spark.defaultParallelism();
        TrainConfig c = request.config();
        job = spark.broadcast(new WorkerJob(runId, GraphJson.write(request.graph()),
                request.data().directory() == null ? null : request.data().directory().toAbsolutePath().toString(),
                request.data().offline(), request.backend(), request.threads(), workerCount, request.syncEvery(),
                c.batch(), c.seed(), c.shuffle(), c.validation(), c.augmentation(), System.getProperty(SparkTraining.FAIL_AT_PROPERTY), shards));
        workers = spark.parallelize(IntStream.range(0, workerCount).boxed().toList(), workerCount);
        // Each worker reads its data and builds its replica now, so a path an executor cannot reach fails here.
        List<ShardSizeTask.Placed> placed = workers.map(new ShardSizeTask(job)).collect();
        places = new ArrayList<>(placed.stream().map(ShardSizeTask.Placed::place).toList());
        workers = WorkerPlacement.pinned(spark, places);
        List<Integer> shards = placed.stream().map(ShardSizeTask.Placed::examples).toList();
        spark.setJobGroup(CommunicationMeter.SYNC_GROUP, "nn synchronisations", false);
        int largest = shards.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (largest == 0) throw new IllegalArgumentException("no training examples for the workers");
        return (largest + c.batch() - 1) / c.batch();
    }

    /** spark://127.0.0.1:7077 or spark://localhost:...: a cluster that only listens on the loopback. */
    static boolean onLoopback(String master) {
        return master.startsWith("spark://127.0.0.1:") || master.startsWith("spark://localhost:");
    }

    @Override
    public String describe() {
        return String.format("spark %s: %d workers, %s, %s, global batch %d (%d x %d), %d steps per epoch",
                request.master(), workerCount, shards ? "data sharded" : "data replicated", request.syncEvery() == 1 ? "gradient averaging every step"
                        : "parameter averaging every " + request.syncEvery() + " steps",
                workerCount * request.config().batch(), workerCount, request.config().batch(), steps);
    }

    @Override
    public int steps() {
        return steps;
    }

    int workers() {
        return workerCount;
    }

    @Override
    public double run(int epoch, StepLoss onStep) {
        double lossSum = 0;
        for (int first = 0; first < steps; first += request.syncEvery()) {
            int count = Math.min(request.syncEvery(), steps - first);
            double[] losses = synchronise(epoch, first, count);
            for (int i = 0; i < count; i++) {
                lossSum += losses[i];
                onStep.accept(first + i + 1, losses[i]);
            }
        }
        return lossSum;
    }

    /** A worker whose task ran on another executor (its own was lost) now prefers that one, which holds its replica. */
    private void repin(List<WorkerResult> results) {
        boolean moved = false;
        for (WorkerResult r : results) {
            if (r.place() != null && !r.place().equals(places.get(r.worker()))) {
                places.set(r.worker(), r.place());
                moved = true;
            }
        }
        if (moved) workers = WorkerPlacement.pinned(spark, places);
    }

    /** One synchronisation; returns each step's mean loss over all workers' examples. */
    private double[] synchronise(int epoch, int first, int count) {
        long start = System.nanoTime();
        params = HostKernels.read(network.params(), params);
        boolean averageParameters = request.syncEvery() > 1;
        ArrayState state = averageParameters ? ArrayState.of(optimizer.state()) : null;
        SyncRequest sync = new SyncRequest(epoch, first, count, optimizer.learningRate(), params.clone(),
                Checksums.of(params), state);
        List<WorkerResult> results = workers.map(new WorkerTask(job, sync)).collect();
        repin(results);
        long collected = System.nanoTime();
        for (WorkerResult r : results) {
            if (r.startChecksum() != sync.paramsChecksum()) {
                throw new IllegalStateException("worker " + r.worker() + " started epoch " + epoch + " step " + (first + 1)
                        + " from other parameters than the driver's (checksum mismatch)");
            }
        }
        statistics.verified(results.size());
        double[] losses = stepLosses(results, count);
        for (int i = 0; i < count; i++) {
            // Checked before the combined update, so the driver's parameters never take a NaN step.
            if (!Double.isFinite(losses[i])) throw new TrainingDiverged(epoch, first + i + 1, losses[i]);
        }
        double[] weights = results.stream().mapToDouble(WorkerResult::totalExamples).toArray();
        List<float[]> vectors = results.stream().map(WorkerResult::vector).toList();
        float[] mean = average(vectors, weights);
        if (averageParameters) {
            HostKernels.write(mean, network.params());
            optimizer.restore(ArrayState.average(results.stream().map(WorkerResult::optimizerState).toList(), weights).arrays());
        } else {
            HostKernels.write(mean, network.grads());
            optimizer.step(network.params(), network.grads());
        }
        ArrayState layers = ArrayState.average(results.stream().map(WorkerResult::layerState).toList(), weights);
        if (!layers.isEmpty()) network.restoreLayerState(layers.floatingNodes());
        long end = System.nanoTime();
        long down = (long) sync.params().length * Float.BYTES + (state == null ? 0 : state.floatCount() * Float.BYTES);
        long up = results.stream().mapToLong(r -> (r.vector() == null ? 0L : r.vector().length * (long) Float.BYTES)
                + (r.optimizerState() == null ? 0 : r.optimizerState().floatCount() * Float.BYTES)).sum();
        statistics.add(epoch, end - start, collected - start, end - collected, down * workerCount, up,
                results.stream().map(WorkerResult::phases).toList());
        return losses;
    }

    private static double[] stepLosses(List<WorkerResult> results, int count) {
        double[] losses = new double[count];
        for (int i = 0; i < count; i++) {
            double sum = 0;
            int n = 0;
            for (WorkerResult r : results) {
                if (r.examples()[i] == 0) continue;
                sum += r.losses()[i] * r.examples()[i];
                n += r.examples()[i];
            }
            losses[i] = n == 0 ? 0 : sum / n;
        }
        return losses;
    }

    /** The mean of the vectors weighted by each worker's examples (workers without examples send none). */
    static float[] average(List<float[]> vectors, double[] weights) {
        double total = 0;
        for (double w : weights) total += w;
        float[] mean = null;
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.get(i);
            if (v == null || weights[i] == 0) continue;
            if (mean == null) mean = new float[v.length];
            float w = (float) (weights[i] / total);
            for (int j = 0; j < v.length; j++) mean[j] += w * v[j];
        }
        return mean;
    }

    /** Syncs every replica with the driver's parameters and returns their checksums, in worker order. */
    List<Long> replicaChecksums() {
        spark.clearJobGroup();
        Broadcast<float[]> current = spark.broadcast(HostKernels.read(network.params(), null));
        try {
            return workers.map(new ChecksumTask(job, current)).collect();
        } finally {
            current.destroy();
        }
    }

    /** The checksum of the driver's parameters. */
    long driverChecksum() {
        return Checksums.of(HostKernels.read(network.params(), null));
    }

    SyncStatistics statistics() {
        return statistics;
    }

    CommunicationMeter meter() {
        return meter;
    }

    @Override
    public void close() {
        try {
            spark.stop(); // drains the listener bus, so the meter has every task
            CommunicationReport report = new CommunicationReport(statistics, meter, workerCount, request.syncEvery(),
                    network.parameterCount());
            if (statistics.syncs() > 0) {
                request.out().println(report.line());
                request.out().flush();
                if (request.runDirectory() != null) report.write(request.runDirectory().resolve("communication.json"));
            }
        } finally {
            Replica.forget(runId);
        }
    }
}
