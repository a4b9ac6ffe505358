package nn.datasets.mnist;

import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.data.ImageSet;
import nn.api.data.Normalization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real MNIST files of the shared directory: checksums, counts and labels. Loaded once. */
class RealMnistTest {
    private static Dataset mnist;

    @BeforeAll
    static void load(@TempDir Path emptyCache) throws Exception {
        Path dir = sharedMnistDirectory();
        assertTrue(Files.isDirectory(dir), "MNIST is expected in " + dir
                + " (set NN_DATA_DIR or -Dnn.project.dir)");
        // Offline: a missing file must fail here, never download.
        mnist = new MnistProvider().load(new MnistProvider().schema().defaults(),
                new DataLocation(dir, emptyCache, true));
    }

    static Path sharedMnistDirectory() {
        String env = System.getenv(DataLocation.ENV_DATA_DIR);
        if (env != null && !env.isBlank()) return Path.of(env);
        String project = System.getProperty("nn.project.dir", ".");
        return Path.of(project, "..", "shared", "datasets", "mnist").normalize();
    }

    @Test
    void checksumsAreTheKnownOnes() {
        assertEquals(Mnist.SHA256, mnist.checksums());
    }

    @Test
    void countsAndShape() {
        assertEquals("mnist", mnist.name());
        assertEquals(60000, mnist.train().count());
        assertEquals(10000, mnist.test().count());
        for (ImageSet s : new ImageSet[]{mnist.trainImages(), mnist.testImages()}) {
            assertEquals(1, s.channels());
            assertEquals(28, s.rows());
            assertEquals(28, s.cols());
            assertEquals(10, s.classes());
        }
        assertEquals(Mnist.CLASS_NAMES, mnist.classNames());
        assertEquals(Normalization.NONE, mnist.normalization());
    }

    @Test
    void labelsAreDigitsAndTheFirstIsFive() {
        assertEquals(5, mnist.train().label(0));
        for (ImageSet s : new ImageSet[]{mnist.trainImages(), mnist.testImages()}) {
            int[] perClass = new int[10];
            for (int i = 0; i < s.count(); i++) perClass[s.label(i)]++;
            for (int c = 0; c < 10; c++) assertTrue(perClass[c] > 0, "no example of " + c);
        }
    }
}
