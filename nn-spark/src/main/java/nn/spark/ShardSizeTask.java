package nn.spark;

import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/** Builds each worker's replica (reading its data) and reports its shard's size. */
final class ShardSizeTask implements Function<Integer, Integer> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<WorkerJob> job;

    ShardSizeTask(Broadcast<WorkerJob> job) {
        this.job = job;
    }

    @Override
    public Integer call(Integer worker) {
        return Replica.of(job.value(), worker).shardSize();
    }
}
