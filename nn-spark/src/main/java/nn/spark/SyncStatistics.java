package nn.spark;

/** The driver's own timing of every synchronisation and the bytes each moved. */
final class SyncStatistics {
    private long syncs;
    private long wallNanos;
    private long jobNanos;
    private long computeNanos;
    private long combineNanos;
    private long bytesDown;
    private long bytesUp;
    private long verifiedStarts;

    /** Records results whose workers proved (by checksum) that they started from the driver's parameters. */
    synchronized void verified(int workers) {
        verifiedStarts += workers;
    }

    synchronized long verifiedStarts() {
        return verifiedStarts;
    }

    /**
     * @param wall the whole synchronisation; @param job from broadcast to every result in hand;
     * @param compute the slowest worker's time in its task; @param combine the driver's averaging and update;
     * @param down parameter (and state) bytes sent to all workers; @param up gradient or parameter bytes sent back
     */
    synchronized void add(long wall, long job, long compute, long combine, long down, long up) {
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
