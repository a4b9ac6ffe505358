package nn.api.data;

import java.util.Random;

/**
 * Random shifts (up to `maxShift` pixels each way) and rotations (up to `maxDegrees` either way)
 * of training images, drawn per image. Works on the uint8 pixels before normalisation, by
 * inverse mapping with bilinear interpolation; pixels from outside the image are background (0).
 */
public record Augmentation(int maxShift, double maxDegrees) {

    public static final Augmentation NONE = new Augmentation(0, 0);

    public Augmentation {
        if (maxShift < 0) throw new IllegalArgumentException("shift must be >= 0, not " + maxShift);
        if (!(maxDegrees >= 0 && maxDegrees <= 180)) {
            throw new IllegalArgumentException("rotation must be in [0, 180] degrees, not " + maxDegrees);
        }
    }

    public boolean isNone() {
        return maxShift == 0 && maxDegrees == 0;
    }

    /**
     * Writes a randomly shifted and rotated copy of one channel-first image (`channels` planes
     * of rows x cols bytes at `src`) into `dst` as values 0..255.
     */
    public void apply(byte[] pixels, int src, int channels, int rows, int cols, Random rng, float[] dst, int at) {
        int dx = maxShift == 0 ? 0 : rng.nextInt(2 * maxShift + 1) - maxShift;
        int dy = maxShift == 0 ? 0 : rng.nextInt(2 * maxShift + 1) - maxShift;
        double angle = maxDegrees == 0 ? 0 : Math.toRadians((rng.nextDouble() * 2 - 1) * maxDegrees);
        double cos = Math.cos(angle), sin = Math.sin(angle);
        double cy = (rows - 1) / 2.0, cx = (cols - 1) / 2.0;
        for (int c = 0; c < channels; c++) {
            int plane = src + c * rows * cols;
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    // Where this output pixel comes from: undo the shift, then the rotation about the centre.
                    double ux = x - dx - cx, uy = y - dy - cy;
                    double sx = cos * ux + sin * uy + cx, sy = -sin * ux + cos * uy + cy;
                    dst[at + (c * rows + y) * cols + x] = (float) bilinear(pixels, plane, rows, cols, sx, sy);
                }
            }
        }
    }

    private static double bilinear(byte[] p, int plane, int rows, int cols, double x, double y) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        double fx = x - x0, fy = y - y0;
        return (1 - fy) * ((1 - fx) * at(p, plane, rows, cols, x0, y0) + fx * at(p, plane, rows, cols, x0 + 1, y0))
                + fy * ((1 - fx) * at(p, plane, rows, cols, x0, y0 + 1) + fx * at(p, plane, rows, cols, x0 + 1, y0 + 1));
    }

    private static int at(byte[] p, int plane, int rows, int cols, int x, int y) {
        return x < 0 || y < 0 || x >= cols || y >= rows ? 0 : p[plane + y * cols + x] & 0xFF;
    }
}
