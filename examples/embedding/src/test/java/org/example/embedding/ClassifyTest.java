package org.example.embedding;

import nn.api.data.DataLocation;
import nn.api.data.ImageSet;
import nn.api.registry.Registry;
import nn.api.spi.DatasetProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trains a small MNIST model with the nn command, then runs this program on test digits saved as PNG files. */
class ClassifyTest {
    @TempDir
    Path dir;

    @Test
    void classifiesDigitsWithACheckpointTrainedByNn() throws Exception {
        String project = System.getProperty("nn.project.dir", "../..");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code = nn.cli.Main.run(new String[]{"train", Path.of(project, "examples", "mnist-mlp.nn").toString(),
                "--epochs", "1", "--train-limit", "6000", "--test-limit", "200", "--out", dir.toString(), "--no-progress"},
                new PrintStream(log, true), new PrintStream(log, true));
        assertEquals(0, code, log.toString());

        DatasetProvider mnist = Registry.load().datasets().get("mnist");
        ImageSet test = mnist.load(mnist.schema().defaults(), DataLocation.resolve(null)).testImages();
        List<String> args = new ArrayList<>(List.of(dir.resolve("model.nnc").toString()));
        for (int i = 0; i < 10; i++) {
            BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setDataElements(0, 0, 28, 28, Arrays.copyOfRange(test.pixels(), i * 784, (i + 1) * 784));
            Path file = dir.resolve("digit" + i + "-is-" + test.label(i) + ".png");
            ImageIO.write(image, "png", file.toFile());
            args.add(file.toString());
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Classify.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get(0).startsWith("mnist_mlp: input [1, 28, 28], classes [0, 1, 2"), lines.get(0));
        int right = 0;
        for (int i = 0; i < 10; i++) {
            String line = lines.get(i + 1);
            assertTrue(line.matches(".*digit" + i + "-is-\\d\\.png: \\d \\(\\d+\\.\\d %\\)"), line);
            if (line.contains("-is-" + test.label(i) + ".png: " + test.label(i) + " ")) right++;
        }
        assertTrue(right >= 8, right + "/10 right:\n" + out);
        assertTrue(lines.get(11).startsWith("blank: "), lines.get(11));
    }
}
