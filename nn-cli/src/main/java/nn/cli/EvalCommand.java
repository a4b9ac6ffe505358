package nn.cli;

import com.google.inject.Inject;
import nn.api.checkpoint.Checkpoint;
import nn.api.data.Dataset;
import nn.api.network.Network;
import nn.api.registry.Registry;
import nn.api.train.ConfusionMatrix;
import nn.api.train.Evaluator;
import nn.api.train.RegressionMetrics;
import nn.api.train.TrainAssembly;
import nn.api.train.Trainer;
import nn.cli.plot.ConfusionChart;
import nn.cli.plot.PngFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * `nn eval CKPT`: test accuracy, accuracy per class and the confusion matrix of a classifier;
 * MSE, MAE and R² (and a picture of predicted against true values) of a regression model.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a checkpoint on its data set's test split.")
final class EvalCommand implements Callable<Integer> {
    private final Registry registry;

    @Parameters(index = "0", paramLabel = "CKPT", description = "a checkpoint written by nn train (model.nnc)")
    Path checkpointFile;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "MORE",
            description = "more checkpoints of the same task: evaluates their ensemble (mean class probability) beside each")
    List<Path> more = new java.util.ArrayList<>();

    @Option(names = "--confusion", paramLabel = "FILE", description = "also draw the confusion matrix as a heat map (PNG)")
    Path confusion;

    @Option(names = "--plot", paramLabel = "FILE", description = "regression: draw predicted against true test values (PNG)")
    Path plot;

    @Mixin
    DataOptions data;

    @Mixin
    BackendOptions backend;

    @Spec
    CommandSpec spec;

    @Inject
    EvalCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws java.io.IOException {
        if (!more.isEmpty()) {
            if (confusion != null || plot != null) throw new UserError("--confusion and --plot take one checkpoint");
            List<Path> all = new java.util.ArrayList<>(List.of(checkpointFile));
            all.addAll(more);
            EnsembleReport.print(all, registry, data, backend, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
        RestoredRun run = RestoredRun.load(checkpointFile, registry, data, backend, "to evaluate on");
        Checkpoint checkpoint = run.checkpoint();
        Dataset dataset = run.dataset();
        Network network = run.network();
        if (dataset.task() == nn.api.data.Task.VALUES) return values(checkpoint, dataset, network);
        if (plot != null) throw new UserError("--plot draws a regression model's fit; for classes use --confusion FILE");
        ConfusionMatrix matrix = Evaluator.confusion(network, dataset.test(), dataset.normalization());

        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %s on %s test split (%,d examples)%n", checkpointFile, checkpoint.graph().name(),
                dataset.name(), matrix.total());
        out.printf("test accuracy: %.2f %% (%d/%d)%n%n", 100 * matrix.accuracy(), matrix.correct(), matrix.total());
        out.print(ConfusionTable.format(matrix, dataset.classNames()));
        if (confusion != null) {
            long[][] counts = new long[matrix.classes()][matrix.classes()];
            for (int t = 0; t < counts.length; t++) for (int p = 0; p < counts.length; p++) counts[t][p] = matrix.count(t, p);
            String title = String.format("%s on %s: %.2f %% of %,d", checkpoint.graph().name(), dataset.name(),
                    100 * matrix.accuracy(), matrix.total());
            PngFile.write(ConfusionChart.of(title, counts, dataset.classNames()), confusion);
            out.println("wrote " + confusion);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** A regression model: its figures over the test split, per target column when there are several. */
    private int values(Checkpoint checkpoint, Dataset dataset, Network network) throws java.io.IOException {
        if (confusion != null) throw new UserError("--confusion is for classifiers; a regression model draws its fit with --plot FILE");
        nn.api.runtime.Loss loss = TrainAssembly.of(checkpoint.graph(), registry, checkpointFile).loss();
        RegressionMetrics.Accumulator all = RegressionMetrics.accumulate(network, loss, dataset.test(), dataset.normalization());
        RegressionMetrics m = all.result();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %s on %s test split (%,d examples)%n", checkpointFile, checkpoint.graph().name(),
                dataset.name(), dataset.test().count());
        out.printf("test mse %.6g  mae %.6g  R² %.4f%s%n", m.mse(), m.mae(), m.r2(), m.binaryAccuracy() == null ? ""
                : String.format("  accuracy %.2f %% (0/1 targets, predictions above 0.5 count as 1)", 100 * m.binaryAccuracy()));
        List<String> targets = dataset.columns().targets();
        List<RegressionMetrics> columns = all.perColumn();
        if (columns.size() > 1) {
            out.println();
            out.printf("%-12s %12s %12s %8s%n", "target", "mse", "mae", "R²");
            for (int j = 0; j < columns.size(); j++) {
                RegressionMetrics c = columns.get(j);
                out.printf("%-12s %12.6g %12.6g %8.4f%n", j < targets.size() ? targets.get(j) : "y" + j, c.mse(), c.mae(), c.r2());
            }
        }
        if (plot != null) {
            nn.cli.plot.FitChart.write(network, loss, dataset, plot);
            out.println("wrote " + plot);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
