package nn.spark;

import nn.api.backend.ActiveBackend;
import nn.api.backend.BackendSelector;
import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.data.TrainingShare;
import nn.api.graph.Call;
import nn.api.registry.Registry;
import nn.api.schema.Args;
import nn.api.spi.Backend;
import nn.api.spi.DatasetProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an executor JVM sets up once and shares between its tasks: the providers (found on the
 * executor's class path by nn-api's one registry entry point, so plugins' Guice modules count and
 * name clashes are decided as in the CLI), the backend (chosen by nn-api's one selection policy),
 * and each data set it has read. In local mode the executors are threads of the driver's JVM and
 * share these with it.
 */
final class WorkerRuntime {
    private static Registry registry;
    private static String activeBackend;
    private static final Map<String, Dataset> DATASETS = new ConcurrentHashMap<>();

    private WorkerRuntime() {
    }

    static synchronized Registry registry() {
        if (registry == null) registry = Registry.load();
        return registry;
    }

    /** The driver's registry, for workers that are threads of the driver's JVM (local mode); null: build one here. */
    static synchronized void useRegistry(Registry driverRegistry) {
        registry = driverRegistry;
    }

    /** Starts the backend with the given threads, once per JVM (ND4J's settings are per process). */
    static synchronized void startBackend(String name, int threads) {
        if (name.equals(activeBackend)) return;
        // The driver's choice, checked here as the CLI checks a named backend: it must exist and be able to run.
        Backend backend = new BackendSelector(registry().backends(), System::getenv, line -> { }).select(name, null);
        ActiveBackend.start(backend, new Backend.Options(threads));
        activeBackend = name;
    }

    /** Marks the backend as started by the driver in this JVM (local mode), so workers do not start it again. */
    static synchronized void backendStarted(String name) {
        activeBackend = name;
    }

    /** The data set a `data = ...` call names, read once per JVM from a directory this executor can reach. */
    static Dataset dataset(Call call, String directory, boolean offline) {
        return DATASETS.computeIfAbsent(call + "@" + directory, k -> read(call, directory, offline));
    }

    /** Reads the data set a `data = ...` call names from a directory this executor can reach (not kept). */
    static Dataset read(Call call, String directory, boolean offline) {
        return read(call, directory, offline, null);
    }

    /** Reads only `share` of the training split (null: all of it); not kept. */
    static Dataset read(Call call, String directory, boolean offline, TrainingShare share) {
        DatasetProvider provider = registry().datasets().get(call.name());
        if (provider == null) throw new IllegalStateException("no data set named '" + call.name() + "' on this executor");
        DataLocation where = new DataLocation(directory == null ? null : Path.of(directory),
                DataLocation.defaultCacheRoot(), offline);
        try {
            Args args = new Args(call.args());
            return share == null ? provider.load(args, where) : provider.load(args, where, share);
        } catch (IOException e) {
            throw new UncheckedIOException("executor cannot read data set " + call.name() + ": " + e.getMessage(), e);
        }
    }
}
