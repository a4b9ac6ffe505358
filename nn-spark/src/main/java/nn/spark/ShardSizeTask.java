package nn.spark;

import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/** Builds each worker's replica (reading its data) and reports its shard's size and where it is. */
final class ShardSizeTask implements Function<Integer, ShardSizeTask.Placed> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<WorkerJob> job;

    ShardSizeTask(Broadcast<WorkerJob> job) {
        this.job = job;
    }

    @Override
    public Placed call(Integer worker) {
        return new Placed(Replica.of(job.value(), worker).shardSize(), WorkerPlacement.here());
    }

    /** A worker's shard size and the executor that holds its replica. */
    record Placed(int examples, String place) implements java.io.Serializable {
    }
}
