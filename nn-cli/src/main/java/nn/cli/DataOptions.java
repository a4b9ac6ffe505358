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

    /** Loads the data set a `data = ...` call names, with limits applied where the data set takes them. */
    Dataset load(Registry registry, Call call, Integer trainLimit) {
        DatasetProvider provider = registry.datasets().get(call.name());
        if (provider == null) throw new UserError("no data set named '" + call.name() + "' is installed");
        Map<String, Object> args = new LinkedHashMap<>(call.args());
        limit(provider, args, "train_limit", "--train-limit", trainLimit);
        limit(provider, args, "test_limit", "--test-limit", testLimit);
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

    private static void limit(DatasetProvider provider, Map<String, Object> args, String param, String option, Integer value) {
        if (value == null) return;
        if (provider.schema().find(param) == null) {
            throw new UserError(option + ": data set '" + provider.name() + "' has no parameter " + param);
        }
        args.put(param, Options.positive(option, value));
    }
}
