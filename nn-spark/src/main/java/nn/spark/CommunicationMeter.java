package nn.spark;

import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.TaskInfo;

import org.apache.spark.scheduler.SparkListenerJobStart;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spark's own task metrics, summed over the run: the serialised result bytes the workers sent
 * back, and the time a task spent outside the computation (deserialising the task, serialising
 * its result, waiting in the scheduler), plus failed tasks.
 */
final class CommunicationMeter extends SparkListener {
    /** The job group of synchronisations; other jobs (reading the data, checksums) are not counted. */
    static final String SYNC_GROUP = "nn-sync";
    private final Set<Object> syncStages = ConcurrentHashMap.newKeySet();
    final AtomicLong tasks = new AtomicLong();
    final AtomicLong failedTasks = new AtomicLong();
    final AtomicLong resultBytes = new AtomicLong();
    final AtomicLong runMillis = new AtomicLong();
    final AtomicLong deserializeMillis = new AtomicLong();
    final AtomicLong resultSerializeMillis = new AtomicLong();
    final AtomicLong schedulerDelayMillis = new AtomicLong();

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        if (start.properties() != null && SYNC_GROUP.equals(start.properties().getProperty("spark.jobGroup.id"))) {
            scala.jdk.javaapi.CollectionConverters.asJava(start.stageIds()).forEach(syncStages::add);
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (!syncStages.contains(end.stageId())) return;
        TaskInfo info = end.taskInfo();
        TaskMetrics m = end.taskMetrics();
        if (info == null || !info.successful() || m == null) {
            failedTasks.incrementAndGet();
            return;
        }
        tasks.incrementAndGet();
        resultBytes.addAndGet(m.resultSize());
        runMillis.addAndGet(m.executorRunTime());
        deserializeMillis.addAndGet(m.executorDeserializeTime());
        resultSerializeMillis.addAndGet(m.resultSerializationTime());
        // As Spark's UI computes it: what of the task's life was neither running nor (de)serialising.
        schedulerDelayMillis.addAndGet(Math.max(0, info.duration() - m.executorRunTime()
                - m.executorDeserializeTime() - m.resultSerializationTime()));
    }
}
