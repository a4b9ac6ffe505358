package nn.cli.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;

/** One activation's chart: f(x) and f'(x) over the sampled range. */
public final class ActivationChart {
    static final Color VALUE = new Color(31, 119, 180);
    static final Color DERIVATIVE = new Color(214, 39, 40);

    private ActivationChart() {
    }

    public static XYChart of(ActivationCurve curve, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(curve.title())
                .xAxisTitle("x").yAxisTitle("y").build();
        var styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, width < 500 ? 14 : 16));
        styler.setAntiAlias(true);
        XYSeries f = chart.addSeries("f(x)", curve.x(), curve.value());
        XYSeries df = chart.addSeries("f'(x)", curve.x(), curve.derivative());
        for (XYSeries s : new XYSeries[]{f, df}) {
            s.setMarker(SeriesMarkers.NONE);
            s.setLineWidth(2.2f);
        }
        yRange(chart, curve);
        f.setLineColor(VALUE);
        df.setLineColor(DERIVATIVE);
        // Solid, told apart by colour: XChart restarts a dash pattern on every short segment, so a
        // dashed curve of hundreds of points is drawn solid while its legend shows dashes.
        return chart;
    }

    /**
     * The y axis over both curves with a little room, at round values: XChart's own choice
     * gave ticks like 5.390000000000001 for straight lines ending at x = 6.
     */
    private static void yRange(XYChart chart, ActivationCurve curve) {
        double lo = 0, hi = 1;
        for (double[] ys : new double[][]{curve.value(), curve.derivative()}) {
            for (double y : ys) {
                if (!Double.isFinite(y)) continue;
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
        }
        double pad = 0.05 * (hi - lo);
        double unit = hi - lo > 3 ? 1 : 0.25;
        chart.getStyler().setYAxisMin(Math.floor((lo - pad) / unit) * unit);
        chart.getStyler().setYAxisMax(Math.ceil((hi + pad) / unit) * unit);
        chart.getStyler().setYAxisDecimalPattern("0.##");
    }
}
