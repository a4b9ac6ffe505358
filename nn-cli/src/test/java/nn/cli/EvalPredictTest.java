package nn.cli;

import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.registry.Registry;
import nn.api.spi.DatasetProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `nn eval` and `nn predict` on a checkpoint trained here on a slice of MNIST. */
class EvalPredictTest {
    @TempDir
    static Path dir;
    static Path checkpoint;
    static Dataset mnist;

    @BeforeAll
    static void train() throws Exception {
        CliRun run = CliRun.of("train", CliRun.example("mnist-mlp.nn"), "--epochs", "2", "--train-limit", "8000",
                "--test-limit", "500", "--out", dir.resolve("run").toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        checkpoint = dir.resolve("run/model.nnc");
        DatasetProvider provider = Registry.load().datasets().get("mnist");
        mnist = provider.load(provider.schema().defaults(), DataLocation.resolve(null));
    }

    @Test
    void evalPrintsAccuracyPerClassAndTheConfusionMatrix() {
        CliRun run = CliRun.of("eval", checkpoint.toString(), "--test-limit", "1000");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.matches("(?s).*test accuracy: (8|9)\\d\\.\\d\\d % \\(\\d+/1000\\).*"), out);
        assertTrue(out.contains("confusion matrix (rows: true class, columns: predicted)"), out);
        // Ten rows of counts whose total is the number of examples evaluated.
        long total = 0;
        String matrix = out.substring(out.indexOf("confusion matrix"));
        for (String line : matrix.lines().skip(2).toList()) {
            String[] cells = line.trim().split("\\s+");
            for (int i = 1; i < cells.length; i++) total += Long.parseLong(cells[i]);
        }
        assertEquals(1000, total, out);
    }

    @Test
    void predictClassifiesPicturesOfAnySizeAndEitherPolarity() throws Exception {
        List<String> args = new ArrayList<>(List.of("predict", checkpoint.toString()));
        List<Integer> truth = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean inkOnPaper = i % 2 == 1;
            Path file = dir.resolve("digit" + i + (inkOnPaper ? ".jpg" : ".png"));
            writeDigit(i, inkOnPaper ? 84 : 28, inkOnPaper, file);
            args.add(file.toString());
            truth.add(mnist.test().label(i));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        List<String> verdicts = run.out().lines().filter(l -> l.contains(": ")).filter(l -> !l.startsWith("  ")).toList();
        assertEquals(20, verdicts.size(), run.out());
        int correct = 0;
        for (int i = 0; i < 20; i++) {
            if (verdicts.get(i).matches(".*digit" + i + "\\.(png|jpg): " + truth.get(i) + " \\(.*")) correct++;
        }
        assertTrue(correct >= 16, correct + "/20 correct:\n" + run.out());
        assertTrue(run.out().contains("  0 0."), "every class's probability is listed:\n" + run.out());
    }

    @Test
    void anUnreadableImageIsBadInputNamingTheFile() throws Exception {
        Path junk = dir.resolve("junk.png");
        Files.writeString(junk, "not a picture");
        CliRun run = CliRun.of("predict", checkpoint.toString(), junk.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("junk.png: not an image"), run.err());
        CliRun missing = CliRun.of("predict", checkpoint.toString(), dir.resolve("nope.png").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nope.png: no such image file"), missing.err());
    }

    @Test
    void anImageDeclaringBillionsOfPixelsIsRefusedBeforeDecoding() throws Exception {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", png);
        byte[] bytes = png.toByteArray();
        // IHDR's width and height, then its CRC over type and data, as a forger would write them
        java.nio.ByteBuffer.wrap(bytes, 16, 8).putInt(50_000).putInt(50_000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 12, 17);
        java.nio.ByteBuffer.wrap(bytes, 29, 4).putInt((int) crc.getValue());
        Path huge = dir.resolve("huge.png");
        Files.write(huge, bytes);
        CliRun run = CliRun.of("predict", checkpoint.toString(), huge.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("huge.png: image is 50000x50000; expected at most 10000x10000"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void aMissingOrCorruptCheckpointIsBadInput() throws Exception {
        CliRun missing = CliRun.of("eval", dir.resolve("none.nnc").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("none.nnc: no such checkpoint file"), missing.err());
        Path corrupt = dir.resolve("corrupt.nnc");
        Files.write(corrupt, new byte[]{1, 2, 3, 4});
        CliRun bad = CliRun.of("eval", corrupt.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("corrupt.nnc"), bad.err());
        assertTrue(!bad.err().contains("\tat "), bad.err());
    }

    /** Test image i as a picture: MNIST's white on black, or scaled up as dark ink on light paper. */
    static void writeDigit(int i, int size, boolean inkOnPaper, Path file) throws Exception {
        BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = mnist.testImages().pixels();
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int v = pixels[i * 784 + y * 28 + x] & 0xFF;
                small.getRaster().setSample(x, y, 0, inkOnPaper ? 255 - v : v);
            }
        }
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        out.createGraphics().drawImage(small, 0, 0, size, size, null);
        ImageIO.write(out, file.toString().endsWith(".png") ? "png" : "jpg", file.toFile());
    }
}
