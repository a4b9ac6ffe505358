package nn.datasets.mnist;

import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.datasets.DatasetDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Fashion-MNIST from Debian's dataset-fashion-mnist package; skipped where it is not installed. */
class FashionMnistTest {
    @TempDir
    Path emptyCache;

    @Test
    void loadsTheDebianPackage() throws Exception {
        assumeTrue(Files.isDirectory(FashionMnist.DEBIAN_DIRECTORY),
                FashionMnist.DEBIAN_DIRECTORY + " absent (apt-get install dataset-fashion-mnist)");
        // No directory given and an empty cache: the provider finds the package's files itself.
        DataLocation location = new DataLocation(null, emptyCache, true);
        assertEquals(FashionMnist.DEBIAN_DIRECTORY, DatasetDirectory.choose(FashionMnist.SPEC, location));

        FashionMnistProvider provider = new FashionMnistProvider();
        Dataset d = provider.load(provider.schema().defaults(), location);

        assertEquals("fashion_mnist", d.name());
        assertEquals(60000, d.train().count());
        assertEquals(10000, d.test().count());
        assertEquals(FashionMnist.SHA256, d.checksums());
        assertEquals("Ankle boot", d.classNames().get(9));
        assertEquals(9, d.train().label(0)); // the first training picture is an ankle boot
    }
}
