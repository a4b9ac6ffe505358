package nn.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Small generated IDX files, and a data set spec made of them, so tests need no real data. */
public final class TestIdx {
    public static final int ROWS = 4;
    public static final int COLS = 3;

    private TestIdx() {
    }

    public static byte[] images(int count, int rows, int cols, int seed) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);
        b.putInt(2051).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count * rows * cols; i++) b.put((byte) (i * 31 + seed));
        return b.array();
    }

    public static byte[] labels(int count, int classes, int seed) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(2049).putInt(count);
        for (int i = 0; i < count; i++) b.put((byte) ((i + seed) % classes));
        return b.array();
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String sha256(byte[] content) {
        return Sha256.hex(Sha256.newDigest().digest(content));
    }

    public static Path write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    /** A tiny four-file data set: 6 training and 4 test images of 4x3, 10 classes. */
    public record Files4(Map<String, byte[]> content) {
        public static Files4 generate(int seed) {
            Map<String, byte[]> c = new LinkedHashMap<>();
            c.put("train-images-idx3-ubyte", images(6, ROWS, COLS, seed));
            c.put("train-labels-idx1-ubyte", labels(6, 10, seed));
            c.put("t10k-images-idx3-ubyte", images(4, ROWS, COLS, seed + 7));
            c.put("t10k-labels-idx1-ubyte", labels(4, 10, seed + 3));
            return new Files4(c);
        }

        public Map<String, String> checksums() {
            Map<String, String> sums = new LinkedHashMap<>();
            content.forEach((name, bytes) -> sums.put(name, sha256(bytes)));
            return sums;
        }

        /** Writes every file, gzipped as `name.gz`, into `directory`. */
        public void writeGzipTo(Path directory) throws IOException {
            for (var e : content.entrySet()) write(directory.resolve(e.getKey() + ".gz"), gzip(e.getValue()));
        }

        /** A spec whose checksums are those of these files. */
        public IdxDatasetSpec spec(String name, List<URI> mirrors) {
            return new IdxDatasetSpec(name, "test data set",
                    new IdxDatasetSpec.Split("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
                    new IdxDatasetSpec.Split("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
                    checksums(), ROWS, COLS, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                    mirrors, List.of());
        }
    }
}
