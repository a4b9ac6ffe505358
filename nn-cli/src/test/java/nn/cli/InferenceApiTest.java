package nn.cli;

import nn.api.checkpoint.CheckpointReader;
import nn.api.data.DataLocation;
import nn.api.data.ImageSet;
import nn.api.inference.InvalidInput;
import nn.api.inference.Model;
import nn.api.inference.Prediction;
import nn.api.registry.Registry;
import nn.api.spi.DatasetProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java inference API (nn.api.inference.Model) on a checkpoint trained here on a slice of MNIST. */
class InferenceApiTest {
    @TempDir
    static Path dir;
    static Path checkpoint;
    static ImageSet test;
    static Model model;

    @BeforeAll
    static void train() throws Exception {
        CliRun run = CliRun.of("train", CliRun.example("mnist-mlp.nn"), "--epochs", "1", "--train-limit", "6000",
                "--test-limit", "200", "--out", dir.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        checkpoint = dir.resolve("model.nnc");
        DatasetProvider mnist = Registry.load().datasets().get("mnist");
        test = mnist.load(mnist.schema().defaults(), DataLocation.resolve(null)).testImages();
        model = Model.load(checkpoint, Model.Options.DEFAULTS.withReplicas(2));
    }

    @AfterAll
    static void close() {
        if (model != null) model.close();
    }

    static float[] raw(int i) {
        float[] x = new float[784];
        for (int p = 0; p < 784; p++) x[p] = test.pixels()[i * 784 + p] & 0xFF;
        return x;
    }

    @Test
    void describesTheModelAndReadsNoOptimizerState() throws Exception {
        assertEquals("mnist_mlp", model.name());
        assertEquals("image", model.inputName());
        assertArrayEquals(new int[]{1, 28, 28}, model.inputShape().dims());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), model.classNames());
        assertTrue(CheckpointReader.readForInference(checkpoint).optimizerState().isEmpty());
        assertTrue(!CheckpointReader.read(checkpoint).optimizerState().isEmpty());
    }

    @Test
    void manyThreadsGetTheSameAnswersAsOneAndAtMostTwoCopiesAreBuilt() throws Exception {
        double[][] alone = new double[40][];
        for (int i = 0; i < 40; i++) alone[i] = ((Prediction.Classification) model.predict(raw(i))).probabilities();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> same = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            same.add(pool.submit(() -> {
                for (int round = 0; round < 5; round++) {
                    for (int i = 0; i < 40; i++) {
                        double[] p = ((Prediction.Classification) model.predict(raw(i))).probabilities();
                        if (!java.util.Arrays.equals(p, alone[i])) return false;
                    }
                }
                return true;
            }));
        }
        for (Future<Boolean> f : same) assertTrue(f.get());
        pool.shutdown();
        assertTrue(model.replicasBuilt() <= 2, "built " + model.replicasBuilt());
        int right = 0;
        for (int i = 0; i < 40; i++) if (((Prediction.Classification) model.predict(raw(i))).classIndex() == test.label(i)) right++;
        assertTrue(right >= 34, right + "/40");
    }

    @Test
    void aBatchAPictureAndANamedMapAgreeWithSinglePredictions() {
        List<float[]> xs = List.of(raw(0), raw(1), raw(2));
        List<Prediction> batch = model.predictBatch(xs);
        for (int i = 0; i < 3; i++) {
            Prediction.Classification one = (Prediction.Classification) model.predict(xs.get(i));
            assertArrayEquals(one.probabilities(), ((Prediction.Classification) batch.get(i)).probabilities(), 1e-6);
            assertEquals(one, one); // records compare by value
            assertEquals(one.classIndex(), ((Prediction.Classification) model.predict(Map.of("image", xs.get(i)))).classIndex());
        }
        // The first test digit drawn three times larger, dark ink on light paper: the same class.
        BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        byte[] inverted = new byte[784];
        for (int p = 0; p < 784; p++) inverted[p] = (byte) (255 - (test.pixels()[p] & 0xFF));
        small.getRaster().setDataElements(0, 0, 28, 28, inverted);
        BufferedImage large = new BufferedImage(84, 84, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.drawImage(small, 0, 0, 84, 84, null);
        g.dispose();
        assertEquals(test.label(0), ((Prediction.Classification) model.predict(large)).classIndex());
    }

    @Test
    void wrongInputsSayWhatWasExpected() throws Exception {
        assertEquals("expected 784 values (shape [1, 28, 28]), got 3",
                assertThrows(InvalidInput.class, () -> model.predict(new float[3])).getMessage());
        assertEquals("expected exactly the input 'image', got [pixels]",
                assertThrows(InvalidInput.class, () -> model.predict(Map.of("pixels", raw(0)))).getMessage());
        Model closed = Model.load(checkpoint);
        closed.predict(raw(0));
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.predict(raw(0)));
    }
}
