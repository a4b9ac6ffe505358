package nn.cli;

import nn.api.data.Dataset;
import nn.api.network.Network;
import nn.cli.plot.HistoryChart;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** `nn train --plot`: the run's history and a strip of test predictions, drawn into the run directory. */
final class TrainingPlots {
    static final String HISTORY = "history.png";
    static final String PREDICTIONS = "predictions.png";
    /** A regression model's predicted against true values on the test split. */
    static final String FIT = "fit.png";
    /** The lecture's strip of ten. */
    static final int PREDICTED_IMAGES = 10;

    private TrainingPlots() {
    }

    static void write(Path runDir, Network network, nn.api.runtime.Loss loss, Dataset dataset, PrintWriter out) throws IOException {
        // From metrics.jsonl, so a resumed run's plot shows its earlier epochs too.
        HistoryChart.write(List.of(RunHistory.read(runDir)), runDir.resolve(HISTORY));
        if (dataset.isImages()) {
            nn.api.data.ImageSet images = dataset.testImages(PREDICTED_IMAGES);
            int n = Math.min(PREDICTED_IMAGES, images.count());
            int wrong = PredictionGrid.write(network, images, dataset.normalization(), dataset.classNames(), n,
                    runDir.resolve(PREDICTIONS));
            out.printf("wrote %s and %s (%d of %d test images predicted wrong)%n", runDir.resolve(HISTORY),
                    runDir.resolve(PREDICTIONS), wrong, n);
        } else if (dataset.task() == nn.api.data.Task.VALUES) {
            Path fit = runDir.resolve(FIT);
            nn.cli.plot.FitChart.write(network, loss, dataset, fit);
            out.printf("wrote %s and %s (predicted against true test values)%n", runDir.resolve(HISTORY), fit);
        } else {
            out.printf("wrote %s%n", runDir.resolve(HISTORY));
        }
        out.flush();
    }
}
