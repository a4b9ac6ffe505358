package nn.cli.plot;

import nn.api.data.Dataset;
import nn.api.data.Examples;
import nn.api.data.TableSet;
import nn.api.network.Network;
import nn.api.train.BatchFeeder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A regression model on its test split: predicted against true values (the diagonal is a
 * perfect fit), and for a table with one feature also the fitted curve over the data.
 */
public final class FitChart {
    private static final Color DATA = new Color(31, 119, 180), MODEL = new Color(214, 39, 40);

    private FitChart() {
    }

    public static void write(Network network, nn.api.runtime.Loss loss, Dataset dataset, Path file) throws IOException {
        Examples test = dataset.test();
        float[][] predictedTrue = predict(network, loss, test, dataset);
        String target = dataset.columns().targets().isEmpty() ? "target" : dataset.columns().targets().get(0);
        List<XYChart> charts = new ArrayList<>();
        if (test instanceof TableSet table && table.featureCount() == 1) {
            charts.add(curve(table, predictedTrue[0], dataset.columns().features().isEmpty() ? "x"
                    : dataset.columns().features().get(0), target));
        }
        charts.add(scatter(predictedTrue[0], predictedTrue[1], target));
        PngFile.writeGrid(charts, charts.size(), file);
    }

    /** [predicted, true] of the first target column, in example order. */
    static float[][] predict(Network network, nn.api.runtime.Loss loss, Examples test, Dataset dataset) {
        int n = test.count(), width = test.targetWidth();
        BatchFeeder feeder = new BatchFeeder(test, dataset.normalization(), network.inputShape());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        float[] predicted = new float[n], actual = new float[n];
        for (int from = 0; from < n; from += 1000) {
            int size = Math.min(1000, n - from);
            float[] out = network.forward(feeder.batch(order, from, size).input, false).reshape((long) size * width).toFloatVector();
            for (int i = 0; i < size; i++) {
                predicted[from + i] = (float) loss.prediction(out[i * width]);
                actual[from + i] = test.target(from + i, 0);
            }
        }
        return new float[][]{predicted, actual};
    }

    private static XYChart curve(TableSet table, float[] predicted, String feature, String target) {
        int n = table.count();
        Integer[] byX = new Integer[n];
        for (int i = 0; i < n; i++) byX[i] = i;
        Arrays.sort(byX, (a, b) -> Float.compare(table.features()[a], table.features()[b]));
        double[] x = new double[n], y = new double[n], fit = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = table.features()[byX[k]];
            y[k] = table.target(byX[k], 0);
            fit[k] = predicted[byX[k]];
        }
        XYChart c = chart("fit on the test split", feature, target);
        XYSeries data = c.addSeries("data", x, y);
        data.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        data.setMarker(SeriesMarkers.CIRCLE);
        data.setMarkerColor(DATA);
        XYSeries model = c.addSeries("model", x, fit);
        model.setMarker(SeriesMarkers.NONE);
        model.setLineColor(MODEL);
        model.setLineWidth(2.5f);
        return c;
    }

    private static XYChart scatter(float[] predicted, float[] actual, String target) {
        int n = predicted.length;
        double[] p = new double[n], t = new double[n];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            p[i] = predicted[i];
            t[i] = actual[i];
            lo = Math.min(lo, Math.min(p[i], t[i]));
            hi = Math.max(hi, Math.max(p[i], t[i]));
        }
        XYChart c = chart("predicted against true", "true " + target, "predicted " + target);
        XYSeries diagonal = c.addSeries("perfect", new double[]{lo, hi}, new double[]{lo, hi});
        diagonal.setMarker(SeriesMarkers.NONE);
        diagonal.setLineColor(Color.GRAY);
        XYSeries points = c.addSeries("test examples", t, p);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(MODEL);
        return c;
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(520).height(420).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        var s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(220, 220, 220));
        s.setMarkerSize(5);
        s.setAntiAlias(true);
        s.setYAxisDecimalPattern("0.##");
        s.setXAxisDecimalPattern("0.##");
        return chart;
    }
}
