package nn.cli.plot;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

/** A confusion matrix as a heat map with the count in every cell: rows true classes, columns predictions. */
public final class ConfusionChart {
    private ConfusionChart() {
    }

    /** `counts[t][p]`: examples of true class t predicted as p. */
    public static HeatMapChart of(String title, long[][] counts, List<String> names) {
        int n = counts.length;
        int cell = n <= 10 ? 64 : Math.max(24, 640 / n);
        int width = 200 + n * cell, height = 140 + n * cell;
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("predicted").yAxisTitle("true").build();
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesVisible(false);
        styler.setShowValue(true);
        styler.setHeatMapValueDecimalPattern("#");
        styler.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, n <= 10 ? 13 : 10));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setXAxisLabelRotation(names.stream().anyMatch(s -> s.length() > 2) ? 45 : 0);
        styler.setRangeColors(new Color[]{new Color(247, 251, 255), new Color(107, 174, 214), new Color(8, 48, 107)});
        styler.setGradientColorColumnWeight(14);
        styler.setLegendVisible(true);
        List<String> x = new ArrayList<>(names);
        List<String> y = new ArrayList<>();
        for (int t = n - 1; t >= 0; t--) y.add(names.get(t)); // the first class at the top, as in a table
        List<Number[]> heat = new ArrayList<>();
        long max = 1;
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                heat.add(new Number[]{p, n - 1 - t, counts[t][p]});
                max = Math.max(max, counts[t][p]);
            }
        }
        styler.setMin(0);
        styler.setMax(max);
        chart.addSeries("count", x, y, heat);
        return chart;
    }
}
