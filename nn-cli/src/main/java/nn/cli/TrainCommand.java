package nn.cli;

import com.google.inject.Inject;
import nn.api.data.Dataset;
import nn.api.checkpoint.Checkpoint;
import nn.api.checkpoint.ModelSignature;
import nn.api.checkpoint.Provenance;
import nn.api.checkpoint.ResumeState;
import nn.api.graph.Graph;
import nn.api.graph.TrainSettings;
import nn.api.graph.TrainSpec;
import nn.api.network.Network;
import nn.api.registry.Registry;
import nn.api.spi.Backend;
import nn.api.train.CheckpointEveryEpoch;
import nn.api.train.EpochMetrics;
import nn.api.train.MetricsFile;
import nn.api.train.TrainAssembly;
import nn.api.train.Trainer;
import nn.api.train.TrainingDiverged;
import nn.api.train.TrainingParts;
import nn.dsl.Compiled;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "the .nn file (not needed with --resume)")
    Path file;

    @Option(names = "--resume", paramLabel = "CKPT",
            description = "continue the run that wrote this checkpoint, from the epoch after it")
    Path resume;

    @Option(names = "--epochs", paramLabel = "N", description = "number of epochs")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N", description = "examples per step")
    Integer batch;

    @Option(names = "--seed", paramLabel = "N", description = "seed of every random choice")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default runs/<model>-<timestamp>)")
    Path out;

    @Option(names = "--train-limit", paramLabel = "N", description = "train on the first N examples only")
    Integer trainLimit;

    @Option(names = "--no-progress", description = "no progress bar (the default when output is not a terminal)")
    boolean noProgress;

    @Option(names = "--plot", description = "at the end, draw history.png and predictions.png into the run directory")
    boolean plot;

    @Mixin
    DataOptions data;

    @Mixin
    BackendOptions backend;

    @Mixin
    DistributedOptions distributed;

    @Spec
    CommandSpec spec;

    @Mixin
    SetOptions sets;

    @Inject
    TrainCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        ParentWatch.install(System.err);
        Checkpoint from = resume == null ? null : Checkpoints.read(resume);
        Graph graph;
        String source;
        if (from != null) {
            if (file != null) throw new UserError("give either FILE or --resume CKPT: the checkpoint holds its model");
            if (seed != null || batch != null) throw new UserError("--seed and --batch cannot change when resuming a run");
            if (sets.given()) throw new UserError("--set cannot change a resumed run: its checkpoint holds the model as it was built");
            graph = from.graph();
            source = from.source();
        } else {
            if (file == null) throw new UserError("which model? give a .nn file (or --resume CKPT)");
            Compiled compiled = sets.compile(file, registry);
            graph = compiled.graph();
            graph = graph.withTrain(DataFiles.resolve(registry, graph.train(), file));
            source = compiled.source();
        }
        boolean onSpark = distributed.enabled();
        Path where = file != null ? file : resume;
        TrainSpec train = overrides(graph.train());
        train = train.withData(data.withLimits(registry, train.data(), trainLimit));
        graph = graph.withTrain(train); // checkpoints record what really ran, so a resume repeats it
        TrainSettings settings = train.settings();

        Backend selected = backend.activate(registry, settings.backend(), settings.threads());
        // Before the data set and the network: a model that cannot fit is refused in seconds, not killed later.
        MemoryCheck.require(graph, train, registry);
        Dataset dataset = data.load(registry, train.data(), null);
        TrainAssembly assembly = TrainAssembly.of(graph, registry, where);
        if (from != null) Checkpoints.requireOperations(resume, from, registry);
        TrainingParts parts = from != null ? assembly.restored(from) : assembly.fresh();
        Network network = parts.network();
        String unfit = registry.losses().get(train.loss().name()).unfitTarget(dataset.train());
        if (unfit != null) throw new UserError(where + ": " + unfit);
        try {
            Trainer.checkFits(network, dataset.train());
        } catch (IllegalArgumentException e) {
            throw new UserError(where + ": " + e.getMessage());
        }
        int firstEpoch = 1;
        if (from != null) {
            firstEpoch = from.metadata().resume().epoch() + 1;
            if (firstEpoch > settings.epochs()) {
                throw new UserError(resume + " has trained all " + settings.epochs() + " epochs already; pass --epochs N to go on");
            }
        }

        Path runDir = out != null ? out : from != null ? resume.toAbsolutePath().getParent() : defaultRunDir();
        Files.createDirectories(runDir);
        Path metrics = runDir.resolve("metrics.jsonl");
        MetricsFile.keepEpochsBefore(metrics, firstEpoch);
        Path checkpoint = runDir.resolve("model.nnc");

        int plannedEpochs = from == null ? 0 : from.graph().train().settings().epochs();
        if (from != null && train.schedule() != null && settings.epochs() != plannedEpochs) {
            // The schedule is a function of the planned total: changing the total bends it from here on.
            stdout.printf("note: the run was planned for %d epochs and now runs to %d: its %s schedule is recomputed"
                    + " over %d epochs from epoch %d on, so it matches neither the original run nor a %d-epoch run"
                    + " from the start (resuming without --epochs repeats the original run exactly)%n",
                    plannedEpochs, settings.epochs(), train.schedule().name(), settings.epochs(), firstEpoch,
                    settings.epochs());
        }
        Map<String, String> facts = selected.describe();
        stdout.printf("%s %s: %,d parameters, %s, %,d training / %,d test examples%n",
                from != null ? "resuming at epoch " + firstEpoch + ":" : "training", graph.name(),
                network.parameterCount(), TrainSummary.describe(train), dataset.train().count(), dataset.test().count());
        stdout.printf("backend %s (%s, %s thread%s)%n", selected.name(), facts.getOrDefault("natives", "?"),
                facts.get("threads"), "1".equals(facts.get("threads")) ? "" : "s");
        stdout.flush();

        Trainer trainer = parts.trainer();
        if (from != null && from.metadata().resume().bestValidationLoss() != null) {
            ResumeState state = from.metadata().resume();
            trainer.restoreEarlyStopping(state.bestValidationLoss(), state.epochsWithoutImprovement());
        }
        if (!noProgress && System.console() != null) trainer.addListener(new ProgressBarListener());
        trainer.addListener(new EpochLinePrinter(stdout));
        trainer.addListener(new MetricsFile(metrics));
        trainer.addListener(new CheckpointEveryEpoch(checkpoint, source, graph,
                Provenance.of(train, selected.describe(), dataset).withOverrides(overrides(from)), ModelSignature.of(network.inputShape().dims(), dataset)));
        List<EpochMetrics> history;
        nn.api.train.distributed.DistributedTraining.Session cluster = !onSpark ? null : distributed.open(graph,
                data.location(), selected.name(), 1, network, parts.optimizer(), parts.config(), runDir, stdout, registry);
        try (cluster) {
            if (cluster != null) {
                stdout.println(cluster.describe());
                stdout.flush();
                trainer.epochSteps(cluster);
            }
            history = trainer.fit(dataset.train(), dataset.test(), dataset.normalization(), firstEpoch);
        } catch (TrainingDiverged e) {
            throw new RunFailure(e.getMessage(), e);

        } catch (Exception e) { // Spark's job failures are checked exceptions it does not declare
            if (cluster == null && e instanceof RuntimeException r) throw r;
            throw new RunFailure("--spark " + distributed.master + ": " + DistributedOptions.firstLine(e), e);
        }

        if (trainer.stoppedEarly()) {
            stdout.printf("stopped early: no better validation loss for %d epochs%n", settings.patience());
        }
        if (settings.validation() > 0) stdout.println("best epoch (lowest validation loss) kept in " + runDir.resolve("best.nnc"));
        EpochMetrics last = history.get(history.size() - 1);
        if (last.testR2() != null) {
            stdout.printf("final test R²: %.4f  (mse %.4g, mae %.4g on %d examples)%s%n", last.testR2(), last.testMse(),
                    last.testMae(), dataset.test().count(), last.testAccuracy() == null ? ""
                            : String.format(", accuracy %.2f %% of the 0/1 answers", 100 * last.testAccuracy()));
        } else {
            stdout.printf("final test accuracy: %.2f %% (%d/%d)%n", 100 * last.testAccuracy(),
                    Math.round(last.testAccuracy() * dataset.test().count()), dataset.test().count());
        }
        stdout.println("wrote " + metrics + " and " + checkpoint);
        if (plot) TrainingPlots.write(runDir, network, parts.loss(), dataset, stdout);
        return ExitCodes.OK;
    }

    /** The file's train section with the command line's overrides applied and checked. */
    private TrainSpec overrides(TrainSpec t) {
        Path where = file != null ? file : resume;
        if (t == null) throw new UserError(where + ": no train section: add one to say what data, loss and optimizer to use");
        if (!t.canTrain()) throw new UserError(where + ": the train section needs data, loss and optimizer");
        TrainSettings.Builder settings = t.settings().toBuilder();
        SettingOptions.apply(settings, "--epochs", TrainSettings.EPOCHS, epochs);
        SettingOptions.apply(settings, "--batch", TrainSettings.BATCH, batch);
        SettingOptions.apply(settings, "--seed", TrainSettings.SEED, seed);
        return t.withSettings(settings.build());
    }

    /** The constants replaced for this run: those of the command line, or of the run being resumed. */
    private Map<String, String> overrides(Checkpoint from) {
        return from != null ? from.metadata().provenance().overrides() : sets.overrides().values();
    }

    private Path defaultRunDir() {
        String stem = file.getFileName().toString().replaceFirst("\\.nn$", "");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("runs", stem + "-" + stamp);
    }
}
