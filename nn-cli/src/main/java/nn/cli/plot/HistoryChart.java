package nn.cli.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Training loss and test accuracy (R² for regression) per epoch, side by side; one line per run. */
public final class HistoryChart {
    /**
     * One run's history: its name and, per epoch, the epoch number, mean training loss and test
     * accuracy (0..1), or test R² when `regression`.
     */
    public record Run(String name, double[] epochs, double[] trainLoss, double[] testAccuracy, boolean regression) {
        public Run(String name, double[] epochs, double[] trainLoss, double[] testAccuracy) {
            this(name, epochs, trainLoss, testAccuracy, false);
        }
    }

    private static final Color[] COLORS = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
            new Color(148, 103, 189), new Color(255, 127, 14), new Color(140, 86, 75)};

    private HistoryChart() {
    }

    public static void write(List<Run> runs, Path file) throws IOException {
        boolean regression = runs.stream().allMatch(Run::regression);
        if (!regression && runs.stream().anyMatch(Run::regression)) {
            throw new IllegalArgumentException("cannot draw classifiers (accuracy) and regression models (R²) in one chart");
        }
        XYChart loss = panel("training loss", "mean loss over the epoch", runs.size());
        XYChart accuracy = regression ? panel("test R²", "R² (1 = perfect)", runs.size())
                : panel("test accuracy", "accuracy (%)", runs.size());
        double lastEpoch = 1;
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            double[] percent = new double[r.testAccuracy().length];
            for (int k = 0; k < percent.length; k++) percent[k] = (regression ? 1 : 100) * r.testAccuracy()[k];
            style(loss.addSeries(r.name(), r.epochs(), r.trainLoss()), i);
            style(accuracy.addSeries(r.name(), r.epochs(), percent), i);
            lastEpoch = Math.max(lastEpoch, r.epochs()[r.epochs().length - 1]);
        }
        for (XYChart c : List.of(loss, accuracy)) {
            c.getStyler().setXAxisMin(0.8);
            c.getStyler().setXAxisMax(lastEpoch + 0.2);
            wholeNumberTicks(c, lastEpoch);
        }
        accuracy.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        PngFile.writeGrid(List.of(loss, accuracy), 2, file);
    }

    private static XYChart panel(String title, String yTitle, int runs) {
        XYChart chart = new XYChartBuilder().width(560).height(400).title(title).xAxisTitle("epoch").yAxisTitle(yTitle).build();
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(220, 220, 220));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setLegendVisible(runs > 1);
        styler.setYAxisDecimalPattern("0.###");
        styler.setAntiAlias(true);
        return chart;
    }

    /**
     * Ticks at whole epochs: a spacing hint of about one epoch's width (XChart 3.8.8 drops
     * the x labels altogether when given a label function, so the ticks themselves are steered).
     */
    static void wholeNumberTicks(XYChart chart, double last) {
        chart.getStyler().setXAxisTickMarkSpacingHint((int) Math.max(40, chart.getWidth() * 0.8 / Math.max(1, last)));
        chart.getStyler().setXAxisDecimalPattern("0.#");
    }

    private static void style(XYSeries s, int index) {
        Color c = COLORS[index % COLORS.length];
        s.setLineColor(c);
        s.setMarkerColor(c);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineWidth(2f);
    }
}
