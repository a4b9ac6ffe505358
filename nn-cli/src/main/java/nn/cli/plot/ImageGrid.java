package nn.cli.plot;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Small grey pictures in a grid, each with a title (matplotlib's imshow subplots, as in the
 * lecture): each picture is an XChart heat map of its pixels with a black-to-white scale.
 */
public final class ImageGrid {

    /** One picture: `rows * cols` grey bytes (0 black .. 255 white), a title, red when `flagged`. */
    public record Tile(byte[] pixels, int rows, int cols, String title, boolean flagged) {
    }

    public static final Color FLAGGED = new Color(200, 0, 0);

    private ImageGrid() {
    }

    /** Up to ten in one strip, more as a near-square grid. */
    public static int columns(int tiles) {
        return tiles <= 10 ? Math.max(1, tiles) : (int) Math.ceil(Math.sqrt(tiles));
    }

    /** Writes the tiles row by row, each wide enough for the longest title. */
    public static void write(List<Tile> tiles, Path file) throws IOException {
        if (tiles.isEmpty()) throw new IllegalArgumentException("no pictures to draw");
        int longest = 0;
        for (Tile t : tiles) longest = Math.max(longest, t.title().length());
        int tileWidth = Math.max(84, 8 * longest + 12); // about 8 px a character of the bold title
        List<HeatMapChart> charts = new ArrayList<>();
        for (Tile t : tiles) charts.add(chart(t, tileWidth));
        int columns = columns(tiles.size());
        // Fill the last row with blank tiles: the grid writer expects a full rectangle.
        while (charts.size() % columns != 0) charts.add(blank(tiles.get(0), tileWidth));
        PngFile.writeGrid(charts, columns, file);
    }

    static HeatMapChart chart(Tile tile, int width) {
        int height = width + 30; // room for the title above a square picture
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title(tile.title()).build();
        var styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setAxisTitlesVisible(false);
        styler.setAxisTicksVisible(false);
        styler.setPlotGridLinesVisible(false);
        styler.setPlotBorderVisible(false);
        styler.setChartPadding(3);
        styler.setPlotMargin(0);
        styler.setChartTitlePadding(3);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        styler.setChartFontColor(tile.flagged() ? FLAGGED : Color.BLACK);
        styler.setRangeColors(new Color[]{Color.BLACK, Color.WHITE});
        styler.setMin(0);
        styler.setMax(255);
        styler.setShowValue(false);
        styler.setDrawBorder(false);
        styler.setAntiAlias(false); // anti-aliased cell edges show as a faint lattice
        int[] x = new int[tile.cols()];
        int[] y = new int[tile.rows()];
        for (int c = 0; c < x.length; c++) x[c] = c;
        for (int r = 0; r < y.length; r++) y[r] = r;
        int[][] heat = new int[tile.cols()][tile.rows()];
        for (int r = 0; r < tile.rows(); r++) {
            for (int c = 0; c < tile.cols(); c++) {
                // The heat map's y axis points up, a picture's rows go down: flip.
                heat[c][tile.rows() - 1 - r] = tile.pixels()[r * tile.cols() + c] & 0xFF;
            }
        }
        chart.addSeries("pixels", x, y, heat);
        return chart;
    }

    private static HeatMapChart blank(Tile like, int width) {
        HeatMapChart chart = chart(new Tile(new byte[like.rows() * like.cols()], like.rows(), like.cols(), " ", false), width);
        chart.getStyler().setRangeColors(new Color[]{Color.WHITE, Color.WHITE});
        return chart;
    }
}
