package nn.cli;

import nn.api.data.DataLocation;
import nn.api.graph.Graph;
import nn.api.network.Network;
import nn.api.runtime.Optimizer;
import nn.api.train.distributed.DistributedTraining;
import nn.api.train.TrainConfig;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * `nn train --spark MASTER [--workers N] [--sync-every K]`: data-parallel training on Apache
 * Spark through nn-spark, found by ServiceLoader (Spark is not in nn.jar; ./nn adds it).
 */
final class DistributedOptions {
    /** Gradient averaging every step: one step over the global batch, as one machine would take it (docs/distributed.md). */
    static final int DEFAULT_SYNC_EVERY = 1;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "train data-parallel on Apache Spark: local[2], spark://host:7077, yarn, ... (docs/distributed.md)")
    String master;

    @Option(names = "--workers", paramLabel = "N", description = "with --spark: workers, each with a shard and a replica (default: the cluster's parallelism)")
    Integer workers;

    @Option(names = "--sync-every", paramLabel = "K",
            description = "with --spark: 1 = average gradients every step (default), K > 1 = average parameters every K steps")
    Integer syncEvery;

    private DistributedTraining engine;

    /** Whether to train on Spark; checks the options and finds nn-spark before any data is read. */
    boolean enabled() {
        if (master == null && (workers != null || syncEvery != null)) {
            throw new UserError((workers != null ? "--workers" : "--sync-every") + " needs --spark MASTER");
        }
        if (master != null && engine == null) engine = find();
        return master != null;
    }

    /** Connects to the cluster; fails with one line when nn-spark or Spark is not on the class path. */
    DistributedTraining.Session open(Graph graph, DataLocation data, String backend, int threads, Network network,
                                     Optimizer optimizer, TrainConfig config, Path runDirectory, PrintWriter out,
                                     nn.api.registry.Registry registry) {
        if (master.isBlank()) throw new UserError("--spark needs a master URL, e.g. local[2] or spark://host:7077");
        int n = workers == null ? 0 : Options.positive("--workers", workers);
        int k = syncEvery == null ? DEFAULT_SYNC_EVERY : Options.positive("--sync-every", syncEvery);
        if (engine == null) engine = find();
        try {
            return engine.open(new DistributedTraining.Request(master, n, k, graph, data, backend, threads, network,
                    optimizer, config, runDirectory, out, registry));
        } catch (IllegalArgumentException e) {
            throw new UserError("--spark " + master + ": " + e.getMessage());
        } catch (Exception | LinkageError e) { // Spark throws checked exceptions without declaring them
            throw new RunFailure("--spark " + master + ": " + firstLine(e), e);
        }
    }

    /** A failure on the cluster as one line (Spark's own messages name the task and the cause). */
    static String firstLine(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private static DistributedTraining find() {
        try {
            for (DistributedTraining t : ServiceLoader.load(DistributedTraining.class, DistributedOptions.class.getClassLoader())) {
                if (t.name().equals("spark")) return t;
            }
        } catch (java.util.ServiceConfigurationError | LinkageError e) {
            throw new RunFailure(notOnClassPath());
        }
        throw new RunFailure(notOnClassPath());
    }

    private static String notOnClassPath() {
        return "Spark is not on the classpath: run ./nn train FILE --spark MASTER (it adds nn-spark and Spark's jars,"
                + " from $SPARK_HOME/jars when SPARK_HOME is set), or spark-submit with nn-spark's jar (docs/distributed.md)";
    }
}
