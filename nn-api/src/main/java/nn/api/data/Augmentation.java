package nn.api.data;

import java.io.Serializable;
import java.util.Random;

/**
 * Random shifts (up to `maxShift` pixels each way), rotations (up to `maxDegrees` either way),
 * zooms (a scale drawn from [1 - maxZoom, 1 + maxZoom], as Keras' `zoom_range`) and, when `flip`,
 * left-right mirroring of half the training images, drawn per image. Works on the uint8 pixels
 * before normalisation, by inverse mapping with bilinear interpolation; pixels from outside the
 * image are background (0). Mirroring suits pictures whose mirror image is the same class
 * (clothes, animals), not digits or letters.
 */
public record Augmentation(int maxShift, double maxDegrees, boolean flip, double maxZoom) implements Serializable {

    public static final Augmentation NONE = new Augmentation(0, 0);

    /** Shifts and rotations, no mirroring or zoom. */
    public Augmentation(int maxShift, double maxDegrees) {
        this(maxShift, maxDegrees, false);
    }

    /** Shifts, rotations and mirroring, no zoom. */
    public Augmentation(int maxShift, double maxDegrees, boolean flip) {
        this(maxShift, maxDegrees, flip, 0);
    }

    public Augmentation {
        if (maxShift < 0) throw new IllegalArgumentException("shift must be >= 0, not " + maxShift);
        if (!(maxDegrees >= 0 && maxDegrees <= 180)) {
            throw new IllegalArgumentException("rotation must be in [0, 180] degrees, not " + maxDegrees);
        }
        if (!(maxZoom >= 0 && maxZoom < 1)) throw new IllegalArgumentException("zoom must be in [0, 1), not " + maxZoom);
    }

    public boolean isNone() {
        return maxShift == 0 && maxDegrees == 0 && !flip && maxZoom == 0;
    }

    /**
     * Writes a randomly shifted, rotated, zoomed (and mirrored) copy of one channel-first image (`channels` planes
     * of rows x cols bytes at `src`) into `dst`, each value v in 0..255 written as v * scale - offset
     * (so normalisation costs no second pass).
     */
    public void apply(byte[] pixels, int src, int channels, int rows, int cols, Random rng, float[] dst, int at,
                      float scale, float offset) {
        int dx = maxShift == 0 ? 0 : rng.nextInt(2 * maxShift + 1) - maxShift;
        int dy = maxShift == 0 ? 0 : rng.nextInt(2 * maxShift + 1) - maxShift;
        double angle = maxDegrees == 0 ? 0 : Math.toRadians((rng.nextDouble() * 2 - 1) * maxDegrees);
        // Drawn only when mirroring is on, so runs without it see the same random sequence as before.
        boolean mirror = flip && rng.nextBoolean();
        double zoom = maxZoom == 0 ? 1 : 1 + (rng.nextDouble() * 2 - 1) * maxZoom; // likewise
        // Inverse mapping divides by the zoom: an image enlarged by 1.1 reads its source 1/1.1 as far out.
        double cos = Math.cos(angle) / zoom, sin = Math.sin(angle) / zoom;
        double cy = (rows - 1) / 2.0, cx = (cols - 1) / 2.0;
        for (int c = 0; c < channels; c++) {
            int plane = src + c * rows * cols;
            for (int y = 0; y < rows; y++) {
                // Where output pixel (x, y) comes from: undo the shift, then the rotation and zoom
                // about the centre. Along a row the source point moves by (cos, -sin) per pixel.
                double ux = -dx - cx, uy = y - dy - cy;
                double sx = cos * ux + sin * uy + cx, sy = -sin * ux + cos * uy + cy;
                int row = at + (c * rows + y) * cols;
                for (int x = 0; x < cols; x++, sx += cos, sy -= sin) {
                    dst[row + (mirror ? cols - 1 - x : x)] = bilinear(pixels, plane, rows, cols, sx, sy) * scale - offset;
                }
            }
        }
    }

    private static float bilinear(byte[] p, int plane, int rows, int cols, double x, double y) {
        if (x <= -1 || y <= -1 || x >= cols || y >= rows) return 0; // wholly outside: background
        int x0 = (int) (x + 1) - 1, y0 = (int) (y + 1) - 1; // floor for x, y > -1
        float fx = (float) (x - x0), fy = (float) (y - y0);
        if (x0 >= 0 && y0 >= 0 && x0 + 1 < cols && y0 + 1 < rows) { // the usual case: no bounds to check
            int i = plane + y0 * cols + x0;
            float top = (1 - fx) * (p[i] & 0xFF) + fx * (p[i + 1] & 0xFF);
            float bottom = (1 - fx) * (p[i + cols] & 0xFF) + fx * (p[i + cols + 1] & 0xFF);
            return (1 - fy) * top + fy * bottom;
        }
        return (1 - fy) * ((1 - fx) * at(p, plane, rows, cols, x0, y0) + fx * at(p, plane, rows, cols, x0 + 1, y0))
                + fy * ((1 - fx) * at(p, plane, rows, cols, x0, y0 + 1) + fx * at(p, plane, rows, cols, x0 + 1, y0 + 1));
    }

    private static int at(byte[] p, int plane, int rows, int cols, int x, int y) {
        return x < 0 || y < 0 || x >= cols || y >= rows ? 0 : p[plane + y * cols + x] & 0xFF;
    }
}
