package nn.api.train;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JVM's collection time so far, summed over its collectors: read by the trainer around each
 * epoch and by nn-spark's executors around each task.
 */
public final class GcTime {
    private GcTime() {
    }

    public static long nanos() {
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, gc.getCollectionTime());
        }
        return millis * 1_000_000;
    }
}
