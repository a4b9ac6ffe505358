package nn.datasets;

import nn.api.data.DataException;
import nn.api.data.DataLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChecksumTest {
    @TempDir
    Path dir;

    @Test
    void hashesTheDecompressedContent() throws Exception {
        byte[] content = TestIdx.labels(10, 10, 0);
        Path gz = TestIdx.write(dir.resolve("labels.gz"), TestIdx.gzip(content));

        assertEquals(TestIdx.sha256(content), Sha256.ofContent(gz));
    }

    @Test
    void mismatchNamesFileExpectedAndActual() {
        Path file = dir.resolve("train-images-idx3-ubyte.gz");

        DataException e = assertThrows(DataException.class,
                () -> Sha256.verify(file, "aa11", "bb22", null));

        assertEquals(file + ": SHA-256 mismatch: expected aa11, actual bb22", e.getMessage());
    }

    @Test
    void loadingAFileWithTheWrongChecksumFails() throws Exception {
        TestIdx.Files4 files = TestIdx.Files4.generate(1);
        files.writeGzipTo(dir);
        Map<String, String> sums = new HashMap<>(files.checksums());
        String wrong = "0".repeat(64);
        sums.put("t10k-labels-idx1-ubyte", wrong);
        IdxDatasetSpec good = files.spec("tiny", List.of());
        IdxDatasetSpec spec = new IdxDatasetSpec(good.name(), good.description(), good.train(), good.test(), sums,
                good.rows(), good.cols(), good.classNames(), good.mirrors(), good.systemDirectories());

        DataException e = assertThrows(DataException.class, () -> new IdxDatasetLoader(spec)
                .load(new DataLocation(dir, dir.resolve("cache"), true), new DatasetArgs(nn.api.data.Normalization.NONE, 0, 0)));

        Path file = dir.resolve("t10k-labels-idx1-ubyte.gz");
        assertTrue(e.getMessage().startsWith(file + ": SHA-256 mismatch: expected " + wrong + ", actual "
                + files.checksums().get("t10k-labels-idx1-ubyte")), e.getMessage());
        assertTrue(e.getMessage().contains("tiny"), e.getMessage());
    }
}
