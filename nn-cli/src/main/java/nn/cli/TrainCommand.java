package nn.cli;

import com.google.inject.Inject;
import nn.api.data.DataException;
import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.graph.Call;
import nn.api.graph.TrainSpec;
import nn.api.network.Network;
import nn.api.network.NetworkBuilder;
import nn.api.registry.Registry;
import nn.api.runtime.Loss;
import nn.api.runtime.Optimizer;
import nn.api.schema.Args;
import nn.api.spi.Backend;
import nn.api.spi.DatasetProvider;
import nn.api.spi.LossProvider;
import nn.api.spi.OptimizerProvider;
import nn.api.train.CheckpointEveryEpoch;
import nn.api.train.EpochMetrics;
import nn.api.train.MetricsFile;
import nn.api.train.TrainConfig;
import nn.api.train.Trainer;
import nn.api.train.TrainingDiverged;
import nn.dsl.Compiled;
import nn.dsl.ModelCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** `nn train FILE`: trains the model on its data set and writes metrics and a checkpoint. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the model in a .nn file; options override its train section.")
final class TrainCommand implements Callable<Integer> {
    private final Registry registry;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .nn file")
    Path file;

    @Option(names = "--epochs", paramLabel = "N", description = "number of epochs")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N", description = "examples per step")
    Integer batch;

    @Option(names = "--seed", paramLabel = "N", description = "seed of every random choice")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default runs/<model>-<timestamp>)")
    Path out;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "where the data set's files are (default: $NN_DATA_DIR, else ~/.nn/datasets/<name>, downloading if absent)")
    Path dataDir;

    @Option(names = "--offline", description = "never download; fail if the data set's files are absent")
    boolean offline;

    @Option(names = "--backend", paramLabel = "NAME", description = "cpu, cuda or auto (default: $NN_BACKEND, else the file's, else auto)")
    String backend;

    @Option(names = "--threads", paramLabel = "N", description = "compute threads (default: the file's, else 1)")
    Integer threads;

    @Option(names = "--train-limit", paramLabel = "N", description = "train on the first N examples only")
    Integer trainLimit;

    @Option(names = "--test-limit", paramLabel = "N", description = "evaluate on the first N test examples only")
    Integer testLimit;

    @Option(names = "--no-progress", description = "no progress bar (the default when output is not a terminal)")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Inject
    TrainCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Compiled compiled = ModelCompiler.compile(file, registry);
        TrainSpec train = overrides(compiled);

        Backend selected = BackendSelector.select(registry, backend, train.backend());
        selected.activate(new Backend.Options(train.threads() > 0 ? train.threads() : 1));

        Dataset data = load(train.data());
        Network network = new NetworkBuilder(registry).seed(train.seed()).build(compiled.graph());
        Loss loss = create(registry.losses().get(train.loss().name()), train.loss().args());
        Optimizer optimizer = optimizer(train.optimizer(), network.parameterCount());

        Path runDir = out != null ? out : defaultRunDir();
        Files.createDirectories(runDir);
        Path metrics = runDir.resolve("metrics.jsonl");
        Files.deleteIfExists(metrics);
        Path checkpoint = runDir.resolve("model.nnc");

        Map<String, String> facts = selected.describe();
        stdout.printf("training %s: %,d parameters, %s, %,d training / %,d test examples%n",
                compiled.graph().name(), network.parameterCount(), TrainSummary.describe(train),
                data.train().count(), data.test().count());
        stdout.printf("backend %s (%s, %s thread%s)%n", selected.name(), facts.getOrDefault("natives", "?"),
                facts.get("threads"), "1".equals(facts.get("threads")) ? "" : "s");
        stdout.flush();

        Trainer trainer = new Trainer(network, loss, optimizer,
                new TrainConfig(train.batch(), train.epochs(), train.seed(), train.shuffle()));
        if (!noProgress && System.console() != null) trainer.addListener(new ProgressBarListener());
        trainer.addListener(new EpochLinePrinter(stdout));
        trainer.addListener(new MetricsFile(metrics));
        trainer.addListener(new CheckpointEveryEpoch(checkpoint, compiled.source(), compiled.graph(),
                checkpointMeta(train, selected, data)));
        List<EpochMetrics> history;
        try {
            history = trainer.fit(data.train(), data.test(), data.normalization());
        } catch (TrainingDiverged e) {
            throw new RunFailure(e.getMessage(), e);
        }

        EpochMetrics last = history.get(history.size() - 1);
        stdout.printf("final test accuracy: %.2f %% (%d/%d)%n", 100 * last.testAccuracy(),
                Math.round(last.testAccuracy() * data.test().count()), data.test().count());
        stdout.println("wrote " + metrics + " and " + checkpoint);
        return ExitCodes.OK;
    }

    /** The file's train section with the command line's overrides applied and checked. */
    private TrainSpec overrides(Compiled compiled) {
        TrainSpec t = compiled.graph().train();
        if (t == null) throw new UserError(file + ": no train section: add one to say what data, loss and optimizer to use");
        if (t.data() == null || t.loss() == null || t.optimizer() == null) {
            throw new UserError(file + ": the train section needs data, loss and optimizer");
        }
        if (epochs != null) t = t.withEpochs(positive("--epochs", epochs));
        if (batch != null) t = t.withBatch(positive("--batch", batch));
        if (seed != null) t = t.withSeed(seed);
        if (threads != null) t = t.withThreads(positive("--threads", threads));
        return t;
    }

    private static int positive(String option, int value) {
        if (value < 1) throw new UserError(option + " must be at least 1, not " + value);
        return value;
    }

    private Dataset load(Call dataCall) {
        DatasetProvider provider = registry.datasets().get(dataCall.name());
        Map<String, Object> args = new LinkedHashMap<>(dataCall.args());
        limit(provider, args, "train_limit", "--train-limit", trainLimit);
        limit(provider, args, "test_limit", "--test-limit", testLimit);
        try {
            DataLocation where = DataLocation.resolve(dataDir);
            if (offline) where = new DataLocation(where.directory(), where.cacheRoot(), true);
            return provider.load(new Args(args), where);
        } catch (DataException e) {
            throw new RunFailure(e.getMessage(), e);
        } catch (IOException e) {
            throw new RunFailure("cannot read data set " + dataCall.name() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static void limit(DatasetProvider provider, Map<String, Object> args, String param, String option, Integer value) {
        if (value == null) return;
        if (provider.schema().find(param) == null) {
            throw new UserError(option + ": data set '" + provider.name() + "' has no parameter " + param);
        }
        args.put(param, positive(option, value));
    }

    private static Loss create(LossProvider provider, Map<String, Object> args) {
        return provider.create(new Args(args));
    }

    /** Providers reject combinations their schema cannot express (nesterov without momentum): bad input. */
    private Optimizer optimizer(Call call, long parameterCount) {
        OptimizerProvider provider = registry.optimizers().get(call.name());
        try {
            return provider.create(new Args(call.args()), parameterCount);
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    private Path defaultRunDir() {
        String stem = file.getFileName().toString().replaceFirst("\\.nn$", "");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("runs", stem + "-" + stamp);
    }

    private static Map<String, Object> checkpointMeta(TrainSpec train, Backend backend, Dataset data) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("nn_version", Version.nn());
        meta.put("backend", backend.describe());
        meta.put("seed", train.seed());
        meta.put("batch", train.batch());
        meta.put("epochs", train.epochs());
        meta.put("optimizer", train.optimizer());
        meta.put("dataset", data.name());
        meta.put("dataset_sha256", data.checksums());
        return meta;
    }
}
