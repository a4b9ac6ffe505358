package nn.spark;

import nn.api.data.Dataset;
import nn.api.data.Examples;
import nn.api.data.Normalization;
import nn.api.graph.Call;
import nn.api.train.TrainConfig;
import nn.api.train.EpochPlan;
import nn.api.data.TrainingShare;

import java.util.Arrays;

/**
 * The training examples one worker holds and which of them it takes at each step of an epoch.
 * Two placements (docs/distributed.md, "Data"):
 * <ul>
 *   <li>replicated (the default): every worker holds the whole training split and takes its slice
 *   of each global batch of the single-process order, so the run repeats one process's order;</li>
 *   <li>sharded ({@code spark.nn.shards=true}): worker w keeps only examples w, w+N, w+2N, ... of the
 *   training split ({@link OwnedExamples}; providers that can read in part never hold the rest) and visits them in its own shuffled order each
 *   epoch, so an executor's heap holds 1/N of the data; the global batch is then N batches of N
 *   different shards, not a slice of the single-process order.</li>
 * </ul>
 */
final class WorkerShare {
    private final Examples examples;
    private final Normalization normalization;
    private final boolean sharded;
    private final int workers;
    private final int worker;
    private final int batch;
    private final TrainConfig order;
    private int orderEpoch = -1;
    private int[] epochOrder;

    private WorkerShare(Examples examples, Normalization normalization, boolean sharded, int workers, int worker,
                        int batch, TrainConfig order) {
        this.examples = examples;
        this.normalization = normalization;
        this.sharded = sharded;
        this.workers = workers;
        this.worker = worker;
        this.batch = batch;
        this.order = order;
    }

    /** Reads the data set this executor can reach and keeps this worker's share of its training split. */
    static WorkerShare of(WorkerJob job, int worker, Call data) {
        TrainConfig config = job.config();
        if (!job.shards()) {
            Dataset d = WorkerRuntime.dataset(data, job.dataDirectory(), job.offline());
            return new WorkerShare(new EpochPlan(config).split(d.train()).fit(), d.normalization(), false,
                    job.workers(), worker, job.batch(), config);
        }
        // Not cached for the JVM, and read in part: the provider keeps this worker's examples only.
        OwnedExamples owned = new OwnedExamples(config, job.workers(), worker);
        Dataset d = WorkerRuntime.read(data, job.dataDirectory(), job.offline(), owned);
        Examples shard = owned.arrange(d.train());
        // Each shard its own shuffle, from the seed, the epoch and the worker alone (a retried task draws the same).
        TrainConfig own = new TrainConfig(config.batch(), 1, EpochPlan.epochSeed(config.seed(), -1000 - worker),
                config.shuffle(), config.validation(), 0, config.augmentation());
        return new WorkerShare(shard, d.normalization(), true, job.workers(), worker, job.batch(), own);
    }

    /**
     * The one rule for which examples worker w of N owns: positions w, w+N, w+2N, ... of the training
     * part left after the validation split (for files sorted by class, every shard gets every class).
     * As a {@link TrainingShare} it tells the provider which examples of the split to keep while reading.
     */
    static final class OwnedExamples implements TrainingShare {
        private final TrainConfig config;
        private final int workers;
        private final int worker;
        private int[] inShardOrder;

        OwnedExamples(TrainConfig config, int workers, int worker) {
            this.config = config;
            this.workers = workers;
            this.worker = worker;
        }

        @Override
        public int[] keep(int count) {
            int[] fit = new EpochPlan(config).fitIndices(count);
            int[] positions = strided(fit.length, workers, worker);
            inShardOrder = new int[positions.length];
            for (int i = 0; i < positions.length; i++) inShardOrder[i] = fit[positions[i]];
            int[] ascending = inShardOrder.clone();
            Arrays.sort(ascending);
            return ascending;
        }

        /** The kept examples (in file order, as read) in the shard's order: the training part's order. */
        Examples arrange(Examples kept) {
            int[] ascending = inShardOrder.clone();
            Arrays.sort(ascending);
            if (Arrays.equals(ascending, inShardOrder)) return kept; // no validation split: already in order
            int[] at = new int[inShardOrder.length];
            for (int i = 0; i < at.length; i++) at[i] = Arrays.binarySearch(ascending, inShardOrder[i]);
            return kept.select(at);
        }
    }

    /** Examples worker, worker + workers, ... of n. */
    static int[] strided(int n, int workers, int worker) {
        int[] indices = new int[Math.max(0, (n - worker + workers - 1) / workers)];
        for (int i = 0; i < indices.length; i++) indices[i] = worker + i * workers;
        return indices;
    }

    Examples examples() {
        return examples;
    }

    Normalization normalization() {
        return normalization;
    }

    /** How many examples this worker takes in an epoch. */
    int perEpoch() {
        if (sharded) return examples.count();
        int total = 0;
        for (int from = worker * batch; from < examples.count(); from += workers * batch) {
            total += Math.min(batch, examples.count() - from);
        }
        return total;
    }

    /** The order in which this worker's examples are visited in an epoch. */
    int[] order(int epoch) {
        if (epoch != orderEpoch) {
            epochOrder = new EpochPlan(order).order(examples.count(), epoch);
            orderEpoch = epoch;
        }
        return epochOrder;
    }

    /** Where in {@link #order} this worker's batch of a step starts. */
    int from(int step) {
        return sharded ? step * batch : (step * workers + worker) * batch; // replicated: its slice of global batch `step`
    }

    /** How many examples this worker takes at a step (0 when the epoch's last global batch does not reach it). */
    int count(int step) {
        return Math.max(0, Math.min(batch, examples.count() - from(step)));
    }
}
