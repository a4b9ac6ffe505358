package nn.spark;

import nn.api.train.distributed.DistributedTraining;

/**
 * Data-parallel training on Apache Spark: `nn train FILE --spark MASTER`. Found by the CLI
 * through ServiceLoader when this module and Spark are on the class path.
 */
public final class SparkTraining implements DistributedTraining {
    /** Test hook: "epoch:step:worker" makes that task fail on its first attempt (see {@link WorkerJob#failAt()}). */
    public static final String FAIL_AT_PROPERTY = "nn.spark.fail-at";

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Session open(Request request) {
        if (request.syncEvery() < 1) throw new IllegalArgumentException("--sync-every must be >= 1, not " + request.syncEvery());
        if (request.workers() < 0) throw new IllegalArgumentException("--workers must be >= 1, not " + request.workers());
        return new SparkRun(request);
    }
}
