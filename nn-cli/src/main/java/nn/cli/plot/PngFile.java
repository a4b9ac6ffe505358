package nn.cli.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes XChart charts as PNG files, rendered without a display (servers, CI). */
public final class PngFile {
    static {
        // Before AWT first asks: on a machine without X11 it would otherwise try to open a display.
        System.setProperty("java.awt.headless", "true");
    }

    private PngFile() {
    }

    public static void write(Chart<?, ?> chart, Path file) throws IOException {
        try {
            createParent(file);
            try (OutputStream out = Files.newOutputStream(file)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    /** Several charts of equal size in one picture, row by row. */
    public static <T extends Chart<?, ?>> void writeGrid(List<T> charts, int columns, Path file) throws IOException {
        int rows = (charts.size() + columns - 1) / columns;
        try {
            createParent(file);
            try (OutputStream out = Files.newOutputStream(file)) {
                BitmapEncoder.saveBitmap(charts, rows, columns, out, BitmapEncoder.BitmapFormat.PNG);
            }
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    /** Names the file: java.nio's own messages are often the bare path. */
    private static IOException cannotWrite(Path file, IOException e) {
        String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage();
        return new IOException("cannot write " + file + ": " + why, e);
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
    }
}
