package nn.cli;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks a written picture: a real PNG, of the expected size, with something drawn in it. */
final class PngCheck {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Grey-level variance of a picture with lines or images on it is in the hundreds or more; blank is 0. */
    static final double MIN_VARIANCE = 100;

    private PngCheck() {
    }

    static BufferedImage check(Path file, int width, int height) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " was not written");
        try (InputStream in = Files.newInputStream(file)) {
            assertArrayEquals(SIGNATURE, Arrays.copyOf(in.readNBytes(8), 8), file + " does not start with the PNG signature");
        }
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " cannot be decoded");
        assertEquals(width, image.getWidth(), file + " width");
        assertEquals(height, image.getHeight(), file + " height");
        double variance = greyVariance(image);
        assertTrue(variance > MIN_VARIANCE, file + " looks blank: grey-level variance " + variance);
        return image;
    }

    static double greyVariance(BufferedImage image) {
        double sum = 0, squares = 0;
        long n = (long) image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                double grey = 0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF);
                sum += grey;
                squares += grey * grey;
            }
        }
        double mean = sum / n;
        return squares / n - mean * mean;
    }

    /** Pixels that are clearly red (the colour of wrong predictions). */
    static long redPixels(BufferedImage image) {
        long red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
                if (r > 150 && g < 80 && b < 80) red++;
            }
        }
        return red;
    }
}
