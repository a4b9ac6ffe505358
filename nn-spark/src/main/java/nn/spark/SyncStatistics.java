package nn.spark;

import java.util.List;

/** The driver's own timing of every synchronisation and the bytes each moved, and the workers' task phases. */
final class SyncStatistics {
    private long syncs;
    private long wallNanos;
    private long jobNanos;
    private long computeNanos;
    private long combineNanos;
    private long bytesDown;
    private long bytesUp;
    private long verifiedStarts;
    private TaskPhases taskSum = TaskPhases.ZERO;
    private long tasks;
    private int lastEpoch = -1;
    private TaskPhases lastEpochTaskSum = TaskPhases.ZERO;
    private long lastEpochTasks;

    /** Records results whose workers proved (by checksum) that they started from the driver's parameters. */
    synchronized void verified(int workers) {
        verifiedStarts += workers;
    }

    synchronized long verifiedStarts() {
        return verifiedStarts;
    }

    /**
     * @param epoch the sync's epoch; @param wall the whole synchronisation; @param job from broadcast to every result in hand;
     * @param combine the driver's averaging and update;
     * @param down parameter (and state) bytes sent to all workers; @param up gradient or parameter bytes sent back;
     * @param workers every worker's task phases (compute counts the slowest worker's task after its broadcast read)
     */
    synchronized void add(int epoch, long wall, long job, long combine, long down, long up, List<TaskPhases> workers) {
        long compute = workers.stream().mapToLong(TaskPhases::computeNanos).max().orElse(0);
        addTimes(wall, job, compute, combine, down, up);
        if (epoch != lastEpoch) {
            lastEpoch = epoch;
            lastEpochTaskSum = TaskPhases.ZERO;
            lastEpochTasks = 0;
        }
        for (TaskPhases p : workers) {
            taskSum = taskSum.plus(p);
            lastEpochTaskSum = lastEpochTaskSum.plus(p);
        }
        tasks += workers.size();
        lastEpochTasks += workers.size();
    }

    /** The workers' task phases over the whole run. */
    synchronized WorkerTaskFigures workerTasks() {
        return WorkerTaskFigures.of(taskSum, tasks);
    }

    /** The workers' task phases of the last epoch that synchronised (after the JIT and the executors warmed up). */
    synchronized WorkerTaskFigures lastEpochWorkerTasks() {
        return WorkerTaskFigures.of(lastEpochTaskSum, lastEpochTasks);
    }

    private void addTimes(long wall, long job, long compute, long combine, long down, long up) {
        syncs++;
        wallNanos += wall;
        jobNanos += job;
        computeNanos += compute;
        combineNanos += combine;
        bytesDown += down;
        bytesUp += up;
    }

    synchronized long syncs() {
        return syncs;
    }

    synchronized double wallMillisPerSync() {
        return wallNanos / 1e6 / syncs;
    }

    synchronized double computeMillisPerSync() {
        return computeNanos / 1e6 / syncs;
    }

    synchronized double combineMillisPerSync() {
        return combineNanos / 1e6 / syncs;
    }

    /** Time per sync spent neither computing nor combining: broadcast, scheduling, (de)serialisation, transfer. */
    synchronized double communicationMillisPerSync() {
        return (jobNanos - computeNanos) / 1e6 / syncs;
    }

    synchronized long bytesDownPerSync() {
        return bytesDown / syncs;
    }

    synchronized long bytesUpPerSync() {
        return bytesUp / syncs;
    }
}
