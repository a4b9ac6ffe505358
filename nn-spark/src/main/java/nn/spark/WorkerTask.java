package nn.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * The function each partition (worker) runs for one synchronisation. The sync request (parameters,
 * optimizer state) travels inside the function: Spark broadcasts a stage's function to the executors
 * anyway (its "task binary"), so a broadcast of its own would cost every task a second fetch from the
 * driver (docs/distributed.md, "Where a worker's task time goes").
 */
final class WorkerTask implements Function<Integer, WorkerResult> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<WorkerJob> job;
    private final SyncRequest sync;

    WorkerTask(Broadcast<WorkerJob> job, SyncRequest sync) {
        this.job = job;
        this.sync = sync;
    }

    @Override
    public WorkerResult call(Integer worker) {
        PhaseClock clock = PhaseClock.start();
        SyncRequest request = sync;
        WorkerJob job = this.job.value();
        clock.lap(PhaseClock.Phase.BROADCAST);
        Replica replica = Replica.of(job, worker); // built here only when a retry moved the worker
        clock.skip();
        WorkerResult result = replica.run(request, clock);
        // After the steps, the hardest case for a retry: the first attempt's work is lost, its effects are not.
        failOnFirstAttemptIfAsked(job.failAt(), request, worker);
        return result;
    }

    /** The test hook of {@link WorkerJob#failAt()}: a task that dies on its first attempt only. */
    static void failOnFirstAttemptIfAsked(String failAt, SyncRequest request, int worker) {
        if (failAt == null) return;
        TaskContext context = TaskContext.get();
        String here = request.epoch() + ":" + request.firstStep() + ":" + worker;
        if (failAt.equals(here) && context != null && context.attemptNumber() == 0) {
            throw new InjectedFailure("injected failure of worker " + worker + " at epoch " + request.epoch()
                    + ", step " + request.firstStep() + " (first attempt of the task)");
        }
    }

    /** Thrown by the test hook only. */
    static final class InjectedFailure extends RuntimeException {
        InjectedFailure(String message) {
            super(message);
        }
    }
}
