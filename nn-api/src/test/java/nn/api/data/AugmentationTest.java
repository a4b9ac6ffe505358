package nn.api.data;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AugmentationTest {
    /** One 8x8 image with a bright 2x2 square at rows 3-4, columns 2-3. */
    static ImageSet square() {
        byte[] p = new byte[64];
        for (int y = 3; y <= 4; y++) for (int x = 2; x <= 3; x++) p[y * 8 + x] = (byte) 200;
        return new ImageSet(p, new byte[]{1}, 1, 1, 8, 8, 2);
    }

    @Test
    void noneLeavesImagesAsThePlainPathDoes() {
        ImageSet set = square();
        float[] plain = new float[64], augmented = new float[64], hot = new float[2];
        set.fill(new int[]{0}, 0, 1, Normalization.NONE, plain, hot);
        set.fill(new int[]{0}, 0, 1, Normalization.NONE, Augmentation.NONE, new Random(1), augmented, hot);
        assertArrayEquals(plain, augmented);
    }

    @Test
    void shiftsMoveTheImageByWholePixelsWithinTheBound() {
        ImageSet set = square();
        for (int seed = 0; seed < 20; seed++) {
            float[] out = new float[64];
            set.fill(new int[]{0}, 0, 1, Normalization.NONE, new Augmentation(2, 0), new Random(seed), out, new float[2]);
            int found = 0;
            for (int dy = -2; dy <= 2; dy++) {
                for (int dx = -2; dx <= 2; dx++) {
                    boolean match = true;
                    for (int y = 0; y < 8 && match; y++) {
                        for (int x = 0; x < 8 && match; x++) {
                            int sy = y - dy, sx = x - dx;
                            float expected = sy < 0 || sx < 0 || sy >= 8 || sx >= 8 ? 0
                                    : (set.pixels()[sy * 8 + sx] & 0xFF) / 255f;
                            match = Math.abs(out[y * 8 + x] - expected) < 1e-6;
                        }
                    }
                    if (match) found++;
                }
            }
            assertEquals(1, found, "seed " + seed + ": not a shift by at most 2 pixels");
        }
    }

    @Test
    void rotationsKeepTheImagesMassButMoveIt() {
        ImageSet set = square();
        float[] out = new float[64];
        set.fill(new int[]{0}, 0, 1, Normalization.NONE, new Augmentation(0, 30), new Random(3), out, new float[2]);
        float[] plain = new float[64];
        set.fill(new int[]{0}, 0, 1, Normalization.NONE, plain, new float[2]);
        double massIn = 0, massOut = 0;
        for (int i = 0; i < 64; i++) {
            massIn += plain[i];
            massOut += out[i];
        }
        assertEquals(massIn, massOut, massIn * 0.25, "bilinear rotation keeps roughly the same ink");
        assertFalse(java.util.Arrays.equals(plain, out), "a rotation by up to 30 degrees moved nothing");
    }

    @Test
    void theSameSeedGivesTheSameImagesAndLabelsStay() {
        ImageSet set = square();
        float[] a = new float[64], b = new float[64], hot = new float[2];
        Augmentation aug = new Augmentation(2, 15);
        set.fill(new int[]{0}, 0, 1, new Normalization(0.5, 0.5), aug, new Random(9), a, hot);
        set.fill(new int[]{0}, 0, 1, new Normalization(0.5, 0.5), aug, new Random(9), b, hot);
        assertArrayEquals(a, b);
        assertArrayEquals(new float[]{0, 1}, hot);
        for (float v : a) assertTrue(v >= -1 - 1e-6 && v <= 1 + 1e-6, "normalised to [-1, 1]: " + v);
    }

    @Test
    void flipsMirrorAboutHalfTheImagesLeftToRight() {
        ImageSet set = square();
        float[] plain = new float[64];
        set.fill(new int[]{0}, 0, 1, Normalization.NONE, plain, new float[2]);
        float[] mirrored = new float[64];
        for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) mirrored[y * 8 + x] = plain[y * 8 + 7 - x];
        assertFalse(java.util.Arrays.equals(plain, mirrored), "the test image is not symmetric");
        Augmentation flip = new Augmentation(0, 0, true);
        assertFalse(flip.isNone());
        Random rng = new Random(5);
        int flipped = 0;
        for (int i = 0; i < 200; i++) {
            float[] out = new float[64];
            set.fill(new int[]{0}, 0, 1, Normalization.NONE, flip, rng, out, new float[2]);
            boolean isPlain = close(plain, out), isMirrored = close(mirrored, out);
            assertTrue(isPlain ^ isMirrored, "image " + i + " is neither the image nor its mirror");
            if (isMirrored) flipped++;
        }
        assertTrue(flipped > 70 && flipped < 130, "mirrored " + flipped + " of 200");
    }

    @Test
    void zoomsScaleTheImageAboutItsCentre() {
        // A 4x4 square in the middle of a 16x16 image: the centre of every zoomed copy stays put,
        // and its ink grows with the scale (bilinear sampling keeps it only roughly).
        byte[] p = new byte[256];
        for (int y = 6; y <= 9; y++) for (int x = 6; x <= 9; x++) p[y * 16 + x] = (byte) 200;
        ImageSet set = new ImageSet(p, new byte[]{1}, 1, 1, 16, 16, 2);
        float[] plain = new float[256];
        set.fill(new int[]{0}, 0, 1, Normalization.NONE, plain, new float[2]);
        double plainMass = mass(plain);
        Augmentation zoom = new Augmentation(0, 0, false, 0.4);
        assertFalse(zoom.isNone());
        Random rng = new Random(4);
        double smallest = Double.MAX_VALUE, largest = 0;
        for (int i = 0; i < 50; i++) {
            float[] out = new float[256];
            set.fill(new int[]{0}, 0, 1, Normalization.NONE, zoom, rng, out, new float[2]);
            double m = mass(out), cx = 0, cy = 0;
            for (int k = 0; k < 256; k++) {
                cx += out[k] * (k % 16);
                cy += out[k] * (k / 16);
            }
            assertEquals(7.5, cx / m, 1e-3, "image " + i + ": the centre moved");
            assertEquals(7.5, cy / m, 1e-3, "image " + i + ": the centre moved");
            smallest = Math.min(smallest, m);
            largest = Math.max(largest, m);
        }
        assertTrue(smallest < plainMass * 0.8 && largest > plainMass * 1.25,
                "scales up to 0.4 either way should shrink and grow the ink: " + smallest + " to " + largest);
    }

    @Test
    void aZoomOutsideItsRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(0, 0, false, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(0, 0, false, -0.1));
    }

    private static double mass(float[] image) {
        double m = 0;
        for (float v : image) m += v;
        return m;
    }

    private static boolean close(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > 1e-6) return false;
        return true;
    }
}
