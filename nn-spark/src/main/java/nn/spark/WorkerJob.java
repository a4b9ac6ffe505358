package nn.spark;

import nn.api.data.Augmentation;
import nn.api.train.TrainConfig;

import java.io.Serializable;

/**
 * What every worker needs once per run, broadcast at the start: the graph with its train
 * section (as JSON, rebuilt on the executor from the providers found there), where to read
 * the data, the backend, the number of workers and how the data is split and batched.
 *
 * @param shards  each worker keeps only its shard of the training split ({@link WorkerShare})
 * @param failAt a test hook, "epoch:step:worker": that worker's task fails on its first attempt
 *               at that (1-based) epoch and (0-based) first step, to exercise Spark's retry
 */
record WorkerJob(String runId, String graphJson, String dataDirectory, boolean offline, String backend, int threads,
                 int workers, int syncEvery, int batch, long seed, boolean shuffle, double validation,
                 Augmentation augmentation, String failAt, boolean shards)
        implements Serializable {

    /** The config the driver's Trainer runs with, as far as the split of the data goes. */
    TrainConfig config() {
        return new TrainConfig(batch, 1, seed, shuffle, validation, 0, augmentation);
    }

    boolean gradientAveraging() {
        return syncEvery == 1;
    }
}
