package nn.cli.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.util.List;

/**
 * Gradient norm per layer, first layer on the left, on a log scale: a network whose gradient
 * vanishes shows a line falling by orders of magnitude towards the input.
 */
public final class GradientChart {
    /** One network's norms, by layer depth (1 = nearest the input). */
    public record Series(String name, double[] norms) {
    }

    private static final Color[] COLORS = {new Color(214, 39, 40), new Color(31, 119, 180), new Color(44, 160, 44),
            new Color(148, 103, 189), new Color(255, 127, 14)};

    private GradientChart() {
    }

    public static XYChart of(String title, List<Series> networks) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title)
                .xAxisTitle("layer with weights (1 = nearest the input)").yAxisTitle("gradient L2 norm (log scale)").build();
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(220, 220, 220));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setYAxisLogarithmic(true);
        styler.setLegendPosition(Styler.LegendPosition.InsideSE);
        styler.setAntiAlias(true);
        int longest = 1;
        for (int i = 0; i < networks.size(); i++) {
            Series s = networks.get(i);
            double[] depth = new double[s.norms().length];
            double[] norms = new double[s.norms().length];
            for (int k = 0; k < depth.length; k++) {
                depth[k] = k + 1;
                norms[k] = Math.max(s.norms()[k], 1e-30); // log axis: a zero gradient shows at the floor
            }
            longest = Math.max(longest, depth.length);
            XYSeries series = chart.addSeries(s.name(), depth, norms);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineWidth(2f);
            series.setLineColor(COLORS[i % COLORS.length]);
            series.setMarkerColor(COLORS[i % COLORS.length]);
        }
        styler.setXAxisMin(0.5);
        styler.setXAxisMax(longest + 0.5);
        HistoryChart.wholeNumberTicks(chart, longest);
        return chart;
    }
}
