package nn.api.inference;

import nn.api.checkpoint.ModelSignature;
import nn.api.data.Normalization;
import nn.api.graph.Shape;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreprocessingTest {
    static final ModelSignature SIGNATURE = new ModelSignature(new int[]{1, 4, 4}, new Normalization(0.5, 0.5), List.of());
    final Preprocessing pre = new Preprocessing(Shape.of(1, 4, 4), SIGNATURE);

    @Test
    void rawValuesAreNormalisedAsTheTrainingDataWas() {
        float[] raw = new float[16];
        raw[0] = 0;
        raw[1] = 255;
        raw[2] = 127.5f;
        float[] x = pre.modelInput(raw);
        assertEquals(-1, x[0], 1e-6);
        assertEquals(1, x[1], 1e-6);
        assertEquals(0, x[2], 1e-6);
        byte[] pixels = new byte[16];
        pixels[1] = (byte) 255;
        assertArrayEquals(pre.modelInput(new float[]{0, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}), pre.modelInput(pixels), 1e-6f);
    }

    @Test
    void aWrongShapeOrANonNumberSaysWhatWasExpected() {
        InvalidInput e = assertThrows(InvalidInput.class, () -> pre.modelInput(new float[3]));
        assertEquals("expected 16 values (shape [1, 4, 4]), got 3", e.getMessage());
        float[] nan = new float[16];
        nan[5] = Float.NaN;
        assertEquals("value 5 is NaN; expected a finite number",
                assertThrows(InvalidInput.class, () -> pre.modelInput(nan)).getMessage());
    }

    @Test
    void picturesOfAnySizeBecomeLightDigitsOnDark() {
        BufferedImage inkOnPaper = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = inkOnPaper.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 40, 40);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 10, 40); // left quarter inked: mostly paper
        g.dispose();
        byte[] p = pre.pixels(inkOnPaper);
        assertEquals(16, p.length);
        assertEquals(255, p[0] & 0xFF, "ink becomes light");
        assertEquals(0, p[3] & 0xFF, "paper becomes dark");
        assertTrue(pre.takesImages());
        Preprocessing features = new Preprocessing(Shape.of(16), SIGNATURE);
        assertFalse(features.takesImages());
        assertTrue(assertThrows(InvalidInput.class, () -> features.pixels(inkOnPaper)).getMessage().contains("not an image"));
    }

    @Test
    void theDecoderChecksDeclaredSizeBeforeDecoding() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(300, 10, BufferedImage.TYPE_BYTE_GRAY), "png", png);
        ImageDecoder decoder = new ImageDecoder(256);
        InvalidInput tooLarge = assertThrows(InvalidInput.TooLarge.class, () -> decoder.decode(png.toByteArray()));
        assertEquals("image is 300x10; expected at most 256x256", tooLarge.getMessage());
        assertEquals(300, new ImageDecoder(300).decode(png.toByteArray()).getWidth());
        assertTrue(assertThrows(InvalidInput.class, () -> decoder.decode("not a picture".getBytes())).getMessage()
                .contains("expected PNG, JPEG, GIF or BMP"));
        byte[] truncated = java.util.Arrays.copyOf(png.toByteArray(), 40);
        assertThrows(InvalidInput.class, () -> decoder.decode(truncated));
    }

    @Test
    void softmaxRowsSumToOneEvenForHugeLogits() {
        double[][] p = Softmax.rows(new double[]{1000, 1001, 999, 0, 0, 0}, 2, 3);
        for (double[] row : p) assertEquals(1, row[0] + row[1] + row[2], 1e-12);
        assertEquals(1, Softmax.argmax(p[0]));
        assertEquals(1 / 3.0, p[1][2], 1e-12);
    }
}
