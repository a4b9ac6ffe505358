package nn.spark;

import nn.api.graph.GraphJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The communication cost of a run: the driver's timings and Spark's task metrics, per sync. */
final class CommunicationReport {
    private final Map<String, Object> figures = new LinkedHashMap<>();

    CommunicationReport(SyncStatistics s, CommunicationMeter m, int workers, int syncEvery, long parameters) {
        long tasks = Math.max(1, m.tasks.get());
        figures.put("workers", workers);
        figures.put("sync_every", syncEvery);
        figures.put("parameters", parameters);
        figures.put("syncs", s.syncs());
        figures.put("bytes_broadcast_per_sync", s.bytesDownPerSync());
        figures.put("bytes_returned_per_sync", s.bytesUpPerSync());
        figures.put("spark_result_bytes_per_task", m.resultBytes.get() / tasks);
        figures.put("wall_ms_per_sync", round(s.wallMillisPerSync()));
        figures.put("compute_ms_per_sync", round(s.computeMillisPerSync()));
        figures.put("communication_ms_per_sync", round(s.communicationMillisPerSync()));
        figures.put("combine_ms_per_sync", round(s.combineMillisPerSync()));
        figures.put("spark_scheduler_delay_ms_per_task", round((double) m.schedulerDelayMillis.get() / tasks));
        figures.put("spark_deserialize_ms_per_task", round((double) m.deserializeMillis.get() / tasks));
        figures.put("spark_result_serialize_ms_per_task", round((double) m.resultSerializeMillis.get() / tasks));
        figures.put("spark_tasks", m.tasks.get());
        figures.put("spark_failed_tasks", m.failedTasks.get());
        figures.put("spark_run_ms_per_task", round((double) m.runMillis.get() / tasks));
        figures.put("worker_task", s.workerTasks());
        figures.put("worker_task_last_epoch", s.lastEpochWorkerTasks());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    Map<String, Object> figures() {
        return figures;
    }

    String line() {
        return String.format("communication per sync (%s syncs): %,d bytes broadcast, %,d bytes back (Spark result %,d bytes"
                        + " a task); %.1f ms wall = %.1f ms compute + %.1f ms communication + %.1f ms combine"
                        + " (Spark per task: scheduler delay %.1f ms, deserialisation %.1f ms, result serialisation %.1f ms)%s",
                figures.get("syncs"), figures.get("bytes_broadcast_per_sync"), figures.get("bytes_returned_per_sync"),
                figures.get("spark_result_bytes_per_task"), figures.get("wall_ms_per_sync"), figures.get("compute_ms_per_sync"),
                figures.get("communication_ms_per_sync"), figures.get("combine_ms_per_sync"),
                figures.get("spark_scheduler_delay_ms_per_task"), figures.get("spark_deserialize_ms_per_task"),
                figures.get("spark_result_serialize_ms_per_task"),
                ((Number) figures.get("spark_failed_tasks")).longValue() > 0
                        ? "; " + figures.get("spark_failed_tasks") + " failed task(s) retried" : "")
                + System.lineSeparator() + ((WorkerTaskFigures) figures.get("worker_task_last_epoch")).line("last epoch");
    }

    void write(Path file) {
        try {
            Files.writeString(file, GraphJson.MAPPER.writeValueAsString(figures) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
