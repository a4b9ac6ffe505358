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
        // A copy on disk is read offline: a missing file must fail here, never download. Without
        // one, nn's normal resolution applies (the cache, then the mirrors), as for a user.
        DataLocation location = dir != null ? new DataLocation(dir, emptyCache, true) : DataLocation.resolve(null);
        mnist = new MnistProvider().load(new MnistProvider().schema().defaults(), location);
    }

    /** NN_DATA_DIR when set (the build sets it where a copy exists), else null. */
    static Path sharedMnistDirectory() {
        String env = System.getenv(DataLocation.ENV_DATA_DIR);
        return env != null && !env.isBlank() ? Path.of(env) : null;
    }

    @Test
    void checksumsAreTheKnownOnes() {
        assertEquals(Mnist.SHA256, mnist.checksums());
    }

    @Test
    void aShareHoldsOnlyItsRecordsOfTheTrainingSplitAsTheWholeReadHasThem(@TempDir Path emptyCache) throws Exception {
        Path dir = sharedMnistDirectory();
        DataLocation location = dir != null ? new DataLocation(dir, emptyCache, true) : DataLocation.resolve(null);
        MnistProvider provider = new MnistProvider();
        var args = new nn.api.schema.Args(java.util.Map.of("train_limit", 1000));
        int[] asked = new int[1];

        Dataset share = provider.load(args, location, count -> {
            asked[0] = count;
            int[] odd = new int[count / 2];
            for (int i = 0; i < odd.length; i++) odd[i] = 2 * i + 1;
            return odd;
        });

        assertEquals(1000, asked[0], "the share is chosen out of the limited split");
        assertEquals(500, share.train().count());
        assertEquals(0, share.test().count());
        assertEquals(Mnist.SHA256, share.checksums());
        ImageSet whole = mnist.trainImages();
        ImageSet part = share.trainImages();
        for (int i = 0; i < 500; i++) {
            assertEquals(whole.label(2 * i + 1), part.label(i));
            assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOfRange(whole.pixels(), (2 * i + 1) * 784, (2 * i + 2) * 784)),
                    java.util.Arrays.toString(java.util.Arrays.copyOfRange(part.pixels(), i * 784, (i + 1) * 784)));
        }
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
