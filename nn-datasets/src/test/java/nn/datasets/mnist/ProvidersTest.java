package nn.datasets.mnist;

import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.data.Normalization;
import nn.api.schema.Args;
import nn.api.spi.DatasetProvider;
import nn.datasets.DatasetDirectory;
import nn.datasets.IdxDatasetSpec;
import nn.datasets.TestIdx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvidersTest {
    @TempDir
    Path tmp;

    @Test
    void bothProvidersAreRegistered() {
        Map<String, DatasetProvider> found = new TreeMap<>();
        for (DatasetProvider p : ServiceLoader.load(DatasetProvider.class)) found.put(p.name(), p);

        assertTrue(found.get("mnist") instanceof MnistProvider, found.toString());
        assertTrue(found.get("fashion_mnist") instanceof FashionMnistProvider, found.toString());
        assertEquals(List.of("normalize", "train_limit", "test_limit"), found.get("mnist").schema().names());
        assertEquals(Map.of("normalize", List.of(0.0, 1.0), "train_limit", 0, "test_limit", 0),
                found.get("mnist").schema().defaults().asMap());
        assertEquals(Mnist.SHA256, ((MnistProvider) found.get("mnist")).spec().sha256());
    }

    @Test
    void appliesNormalizationAndLimits() throws Exception {
        TestIdx.Files4 files = TestIdx.Files4.generate(2);
        files.writeGzipTo(tmp);
        MnistProvider provider = new MnistProvider(files.spec("tiny", List.of()));

        Dataset d = provider.load(args(provider, Map.of("normalize", List.of(0.1307, 0.3081), "train_limit", 2,
                "test_limit", 100)), new DataLocation(tmp, tmp.resolve("cache"), true));

        assertEquals(new Normalization(0.1307, 0.3081), d.normalization());
        assertEquals(2, d.train().count());
        assertEquals(4, d.test().count());
        assertEquals("tiny", d.name());
    }

    @Test
    void normalizeMustBeMeanAndPositiveStd() {
        MnistProvider provider = new MnistProvider();
        DataLocation nowhere = new DataLocation(tmp, tmp, true);
        for (List<?> bad : List.of(List.of(0.5), List.of(0.1, 0.2, 0.3), List.of(0.1, 0.0), List.of(0.1, -1),
                List.of("a", 1.0))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> provider.load(args(provider, Map.of("normalize", bad)), nowhere));
            assertEquals("mnist: 'normalize' must be [mean, std], two numbers with std > 0, not " + bad,
                    e.getMessage());
        }
    }

    @Test
    void negativeLimitsAreRefusedByTheSchema() {
        List<String> problems = new java.util.ArrayList<>();
        new MnistProvider().schema().bind(List.of(), Map.of("train_limit", -1), (w, m, h) -> problems.add(m));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("train_limit"), problems.toString());
    }

    @Test
    void systemDirectoryIsUsedOnlyWhenNothingElseHoldsTheFiles() throws Exception {
        TestIdx.Files4 files = TestIdx.Files4.generate(2);
        Path system = tmp.resolve("usr-share");
        files.writeGzipTo(system);
        IdxDatasetSpec spec = files.spec("tiny", List.of()).withSystemDirectories(List.of(system));
        Path cacheRoot = tmp.resolve("cache");

        assertEquals(system, DatasetDirectory.choose(spec, new DataLocation(null, cacheRoot, false)));
        Path given = tmp.resolve("given");
        assertEquals(given, DatasetDirectory.choose(spec, new DataLocation(given, cacheRoot, false)));
        files.writeGzipTo(cacheRoot.resolve("tiny"));
        assertEquals(cacheRoot.resolve("tiny"), DatasetDirectory.choose(spec, new DataLocation(null, cacheRoot, false)));
    }

    @Test
    void aUserDirectoryWithAnotherDataSetsFilesOfTheSameNamesIsPassedOverForACompleteCopy() throws Exception {
        TestIdx.Files4 mine = TestIdx.Files4.generate(2);
        TestIdx.Files4 other = TestIdx.Files4.generate(3); // same file names, other content (MNIST vs Fashion-MNIST)
        Path given = tmp.resolve("given");
        other.writeGzipTo(given);
        Path system = tmp.resolve("usr-share");
        mine.writeGzipTo(system);
        Path cacheRoot = tmp.resolve("cache");
        IdxDatasetSpec spec = mine.spec("tiny", List.of()).withSystemDirectories(List.of(system));

        assertEquals(system, DatasetDirectory.choose(spec, new DataLocation(given, cacheRoot, true)));
        assertEquals(given, DatasetDirectory.choose(other.spec("tiny", List.of()).withSystemDirectories(List.of(system)),
                new DataLocation(given, cacheRoot, true)), "its own files: the user's directory wins");
        assertEquals(given, DatasetDirectory.choose(mine.spec("tiny", List.of()), new DataLocation(given, cacheRoot, true)),
                "no copy elsewhere: kept, so the checksum check names it");
    }

    @Test
    void aUserDirectoryMayHoldOneFolderPerDataSet() throws Exception {
        TestIdx.Files4 files = TestIdx.Files4.generate(2);
        Path root = tmp.resolve("datasets");
        files.writeGzipTo(root.resolve("tiny-set"));
        IdxDatasetSpec spec = files.spec("tiny_set", List.of());
        assertEquals(root.resolve("tiny-set"), DatasetDirectory.choose(spec, new DataLocation(root, tmp.resolve("cache"), true)));
    }

    private static Args args(DatasetProvider provider, Map<String, Object> named) {
        return provider.schema().bind(List.of(), named, (w, m, h) -> {
            throw new AssertionError(m);
        });
    }
}
