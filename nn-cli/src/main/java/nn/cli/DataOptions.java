package nn.cli;

import nn.api.data.DataException;
import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.graph.Call;
import nn.api.registry.Registry;
import nn.api.schema.Args;
import nn.api.spi.DatasetProvider;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where data comes from, shared by every command that reads a data set. */
final class DataOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "where the data set's files are (default: $NN_DATA_DIR, else ~/.nn/datasets/<name>, downloading if absent)")
    Path dataDir;

    @Option(names = "--offline", description = "never download; fail if the data set's files are absent")
    boolean offline;

    @Option(names = "--test-limit", paramLabel = "N", description = "use the first N test examples only")
    Integer testLimit;

    /** The `data = ...` call with the command line's limits written into its arguments. */
    Call withLimits(Registry registry, Call call, Integer trainLimit) {
        DatasetProvider provider = provider(registry, call);
        Map<String, Object> args = new LinkedHashMap<>(call.args());
        limit(provider, args, "train_limit", "--train-limit", trainLimit);
        limit(provider, args, "test_limit", "--test-limit", testLimit);
        return new Call(call.name(), args);
    }

    /** Where the data set's files are read from: --data-dir, else NN_DATA_DIR, else the cache; never downloading with --offline. */
    DataLocation location() {
        DataLocation where = DataLocation.resolve(dataDir);
        return offline ? new DataLocation(where.directory(), where.cacheRoot(), true) : where;
    }

    /** Loads the data set a `data = ...` call names, with the command line's limits applied. */
    Dataset load(Registry registry, Call call, Integer trainLimit) {
        Call limited = withLimits(registry, call, trainLimit);
        DatasetProvider provider = provider(registry, call);
        Map<String, Object> args = limited.args();
        try {
            DataLocation where = DataLocation.resolve(dataDir);
            if (offline) where = new DataLocation(where.directory(), where.cacheRoot(), true);
            return provider.load(new Args(args), where);
        } catch (DataException e) {
            throw new RunFailure(e.getMessage(), e);
        } catch (IOException e) {
            throw new RunFailure("cannot read data set " + call.name() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static DatasetProvider provider(Registry registry, Call call) {
        DatasetProvider provider = registry.datasets().get(call.name());
        if (provider == null) throw new UserError("no data set named '" + call.name() + "' is installed");
        return provider;
    }

    private static void limit(DatasetProvider provider, Map<String, Object> args, String param, String option, Integer value) {
        if (value == null) return;
        if (provider.schema().find(param) == null) {
            throw new UserError(option + ": data set '" + provider.name() + "' has no parameter " + param);
        }
        args.put(param, Options.positive(option, value));
    }
}
