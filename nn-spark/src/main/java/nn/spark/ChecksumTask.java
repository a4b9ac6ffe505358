package nn.spark;

import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/** A sync without training: every replica loads the driver's parameters and reports the checksum of what it holds. */
final class ChecksumTask implements Function<Integer, Long> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<WorkerJob> job;
    private final Broadcast<float[]> params;

    ChecksumTask(Broadcast<WorkerJob> job, Broadcast<float[]> params) {
        this.job = job;
        this.params = params;
    }

    @Override
    public Long call(Integer worker) {
        Replica replica = Replica.of(job.value(), worker);
        replica.load(params.value());
        return replica.paramsChecksum();
    }
}
