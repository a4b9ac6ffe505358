package nn.cli.plot;

import org.knowm.xchart.XYChart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every activation on one sheet, four to a row. */
public final class ActivationSheet {
    public static final int COLUMNS = 4;

    private ActivationSheet() {
    }

    public static void write(List<ActivationCurve> curves, Path file) throws IOException {
        List<XYChart> charts = new ArrayList<>();
        for (ActivationCurve c : curves) charts.add(ActivationChart.of(c, 360, 270));
        int columns = Math.min(COLUMNS, charts.size());
        // The grid writer wants a full rectangle: pad the last row with empty charts.
        while (charts.size() % columns != 0) {
            XYChart empty = ActivationChart.of(new ActivationCurve(" ", new double[]{0, 1}, new double[]{0, 0},
                    new double[]{0, 0}), 360, 270);
            empty.removeSeries("f(x)");
            empty.removeSeries("f'(x)");
            var styler = empty.getStyler(); // nothing but white
            styler.setAxisTicksVisible(false);
            styler.setAxisTitlesVisible(false);
            styler.setPlotGridLinesVisible(false);
            styler.setPlotBorderVisible(false);
            styler.setLegendVisible(false);
            charts.add(empty);
        }
        PngFile.writeGrid(charts, columns, file);
    }
}
