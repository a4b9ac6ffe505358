package nn.cli;

import nn.cli.plot.HistoryChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** `nn plot history RUN_DIR...`: training loss and test accuracy per epoch; several runs overlaid. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Plot training loss and test accuracy per epoch from runs' metrics.jsonl (several runs overlaid).")
final class PlotHistoryCommand implements Callable<Integer> {
    static final String FILE_NAME = "history.png";

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "run directories written by nn train")
    List<Path> runs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "the PNG to write (default: RUN_DIR/history.png for one run, ./history.png for several)")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<HistoryChart.Run> histories = runs.stream().map(RunHistory::read).toList(); // all readable first
        Path file = output != null ? output : runs.size() == 1 ? directoryOf(runs.get(0)).resolve(FILE_NAME) : Path.of(FILE_NAME);
        try {
            HistoryChart.write(histories, file);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        for (HistoryChart.Run r : histories) {
            int last = r.epochs().length - 1;
            if (r.regression()) {
                spec.commandLine().getOut().printf("%s: %d epochs, last training loss %.4f, test R² %.4f%n",
                        r.name(), r.epochs().length, r.trainLoss()[last], r.testAccuracy()[last]);
            } else {
                spec.commandLine().getOut().printf("%s: %d epochs, last training loss %.4f, test accuracy %.2f %%%n",
                        r.name(), r.epochs().length, r.trainLoss()[last], 100 * r.testAccuracy()[last]);
            }
        }
        spec.commandLine().getOut().println("wrote " + file);
        return ExitCodes.OK;
    }

    private static Path directoryOf(Path run) {
        if (java.nio.file.Files.isDirectory(run)) return run;
        Path parent = run.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(".");
    }
}
