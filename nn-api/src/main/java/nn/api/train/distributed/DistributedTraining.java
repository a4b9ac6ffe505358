package nn.api.train.distributed;

import nn.api.data.DataLocation;
import nn.api.graph.Graph;
import nn.api.network.Network;
import nn.api.runtime.Optimizer;
import nn.api.train.EpochSteps;
import nn.api.train.TrainConfig;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Data-parallel training on a cluster engine (nn-spark implements it for Apache Spark), found
 * through ServiceLoader so the CLI runs without it. The driver keeps the {@link nn.api.train.Trainer}
 * and its listeners; a session only runs each epoch's steps on the workers and leaves the
 * driver's network and optimizer holding the combined result after every step.
 */
public interface DistributedTraining {

    /** The engine's name, as in `nn train --spark`: "spark". */
    String name();

    /** Connects to the cluster and prepares the workers. */
    Session open(Request request);

    /** One run on a cluster; closing it releases the cluster's resources. */
    interface Session extends EpochSteps, AutoCloseable {
        /** One line for the user: master, workers, synchronisation, global batch. */
        String describe();

        @Override
        void close();
    }

    /**
     * What a run needs: the cluster's `master` URL, the number of `workers` (0 = the cluster's
     * default parallelism), synchronisation every `syncEvery` steps (1 = gradient averaging every
     * step, K > 1 = parameter averaging every K steps), the graph with the train section that
     * really runs, where every worker reads the data, the backend and threads each worker uses,
     * the driver's network and optimizer, the training config, the run directory (for the
     * communication report), where to print, and the driver's registry (plugins included),
     * which workers in the driver's own JVM (local mode) use; a cluster's executors (and local
     * workers given none) build their own through {@link nn.api.registry.Registry#load()}, from
     * the service files and Guice modules on their class path.
     */
    record Request(String master, int workers, int syncEvery, Graph graph, DataLocation data, String backend,
                   int threads, Network network, Optimizer optimizer, TrainConfig config, Path runDirectory,
                   PrintWriter out, nn.api.registry.Registry registry) {
    }
}
