package nn.spark;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spark logs through SLF4J, which nn binds to Logback: its INFO lines (dozens per job) would
 * bury the epoch lines, so Spark, Hadoop and Netty log warnings only, and the notes about the
 * host name and Hadoop's missing native library not at all.
 */
final class SparkLogging {
    private SparkLogging() {
    }

    static void quiet() {
        level("org.apache.spark", "WARN");
        level("org.sparkproject", "WARN");
        level("org.apache.hadoop", "WARN");
        level("io.netty", "WARN");
        level("org.apache.spark.util.Utils", "ERROR");
        level("org.apache.hadoop.util.NativeCodeLoader", "ERROR");
        // nn destroys each sync's broadcast itself; the cleaner's later attempt at the same broadcast
        // can fail on a cluster ("Block broadcast_14 does not exist") and would print a stack trace.
        level("org.apache.spark.ContextCleaner", "OFF");
        level("org.apache.spark.storage.BlockManagerMaster", "ERROR");
        // A failed task's warning carries the executor's stack trace; a failure that ends the run reaches
        // the user as nn's one line naming the cause, and retried ones are counted in communication.json.
        level("org.apache.spark.scheduler.TaskSetManager", "OFF");
        // A job that fails ends the context while executors still send their last status updates;
        // Spark logs each late message it can no longer deliver with a stack trace.
        level("org.apache.spark.network.server.TransportRequestHandler", "OFF");
        level("org.apache.spark.rpc.netty.Inbox", "OFF");
        // Each sync's parameters travel in its stage's task binary (WorkerTask): a CNN's are over the
        // 1 MB at which the scheduler warns about a large task binary, every sync.
        level("org.apache.spark.scheduler.DAGScheduler", "ERROR");
        // Its start-up failures (a bad master URL) reach the user as nn's own one-line error.
        level("org.apache.spark.SparkContext", "OFF");
    }

    private static void level(String name, String level) {
        Logger logger = LoggerFactory.getLogger(name);
        if (logger instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.toLevel(level));
        }
    }
}
