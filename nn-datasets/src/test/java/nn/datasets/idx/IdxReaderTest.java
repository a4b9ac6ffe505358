package nn.datasets.idx;

import nn.api.data.DataException;
import nn.api.data.ImageSet;
import nn.datasets.TestIdx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsRawImages() throws Exception {
        byte[] content = TestIdx.images(5, 4, 3, 1);
        Path file = TestIdx.write(dir.resolve("images"), content);

        IdxArray a = IdxReader.readImages(file);

        assertEquals(2051, a.magic());
        assertArrayEquals(new int[]{5, 4, 3}, a.dimensions());
        assertEquals(5, a.count());
        assertArrayEquals(Arrays.copyOfRange(content, 16, content.length), a.data());
        assertEquals(TestIdx.sha256(content), a.sha256());
    }

    @Test
    void gzipIsDetectedByContentNotName() throws Exception {
        byte[] content = TestIdx.labels(7, 10, 2);
        Path gzipWithoutSuffix = TestIdx.write(dir.resolve("labels"), TestIdx.gzip(content));
        Path rawWithGzSuffix = TestIdx.write(dir.resolve("labels-raw.gz"), content);

        IdxArray fromGzip = IdxReader.readLabels(gzipWithoutSuffix);
        IdxArray fromRaw = IdxReader.readLabels(rawWithGzSuffix);

        assertArrayEquals(Arrays.copyOfRange(content, 8, content.length), fromGzip.data());
        assertArrayEquals(fromRaw.data(), fromGzip.data());
        // The checksum is of the decompressed bytes, so both agree.
        assertEquals(TestIdx.sha256(content), fromGzip.sha256());
        assertEquals(fromRaw.sha256(), fromGzip.sha256());
    }

    @Test
    void readRecordsKeepsOnlyTheChosenRecordsAndHashesTheWholeFile() throws Exception {
        byte[] content = TestIdx.images(7, 4, 3, 5);
        Path file = TestIdx.write(dir.resolve("images.gz"), TestIdx.gzip(content));
        int[] asked = new int[1];

        IdxArray part = IdxReader.readRecords(file, IdxReader.IMAGES_MAGIC, count -> {
            asked[0] = count;
            return new int[]{1, 4, 6};
        });

        assertEquals(7, asked[0]);
        assertArrayEquals(new int[]{3, 4, 3}, part.dimensions());
        byte[] whole = IdxReader.readImages(file).data();
        byte[] expected = new byte[3 * 12];
        int[] kept = {1, 4, 6};
        for (int i = 0; i < 3; i++) System.arraycopy(whole, kept[i] * 12, expected, i * 12, 12);
        assertArrayEquals(expected, part.data());
        assertEquals(TestIdx.sha256(content), part.sha256());
    }

    @Test
    void readRecordsRefusesAHeaderTheFileCannotHoldBeforeAllocating() throws Exception {
        byte[] content = TestIdx.images(3, 4, 3, 1);
        java.nio.ByteBuffer.wrap(content).putInt(4, 2_000_000_000); // declares 2e9 images of 12 bytes
        Path raw = TestIdx.write(dir.resolve("forged"), content);
        Path gzip = TestIdx.write(dir.resolve("forged.gz"), TestIdx.gzip(content));

        for (Path file : new Path[]{raw, gzip}) {
            DataException e = assertThrows(DataException.class,
                    () -> IdxReader.readRecords(file, IdxReader.IMAGES_MAGIC, count -> {
                        throw new AssertionError("asked which of " + count + " records to keep");
                    }));
            assertTrue(e.getMessage().startsWith(file + ": truncated: header 2000000000x4x3 declares 24000000000"),
                    e.getMessage());
            assertOneLine(e);
        }
    }

    @Test
    void readRecordsReportsATruncatedFileWithBothByteCounts() throws Exception {
        byte[] content = TestIdx.images(5, 4, 3, 1);
        Path file = TestIdx.write(dir.resolve("cut.gz"), TestIdx.gzip(Arrays.copyOf(content, content.length - 20)));

        DataException e = assertThrows(DataException.class,
                () -> IdxReader.readRecords(file, IdxReader.IMAGES_MAGIC, count -> new int[]{0}));

        assertEquals(file + ": truncated: header 5x4x3 declares 60 payload bytes, found 40", e.getMessage());
    }

    @Test
    void wrongMagicNamesTheFile() throws Exception {
        Path file = TestIdx.write(dir.resolve("t10k-labels-idx1-ubyte"), TestIdx.labels(3, 10, 0));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("magic number 2049, expected 2051"), e.getMessage());
        assertOneLine(e);
    }

    @Test
    void truncatedPayloadGivesBothByteCounts() throws Exception {
        byte[] content = TestIdx.images(5, 4, 3, 1);
        Path file = TestIdx.write(dir.resolve("short"), Arrays.copyOf(content, content.length - 10));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("declares 60 payload bytes, found 50"), e.getMessage());
        assertOneLine(e);
    }

    @Test
    void aHeaderDeclaringGigabytesAllocatesOnlyWhatTheFileHolds() throws Exception {
        // images: 1 x 46340 x 46340, two gigabytes declared, 100 bytes present
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(16 + 100);
        header.putInt(2051).putInt(1).putInt(46340).putInt(46340);
        Path file = TestIdx.write(dir.resolve("forged"), header.array());
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().contains("declares 2147395600 payload bytes, found 100"), e.getMessage());
        assertTrue(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory() - before < 64 << 20);
        assertOneLine(e);
    }

    @Test
    void truncatedGzipIsReportedAsTruncated() throws Exception {
        byte[] content = TestIdx.images(50, 28, 28, 3);
        byte[] gz = TestIdx.gzip(content);
        Path file = TestIdx.write(dir.resolve("short.gz"), Arrays.copyOf(gz, gz.length / 2));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("declares 39200 payload bytes, found "), e.getMessage());
    }

    @Test
    void extraBytesAfterThePayloadAreAnError() throws Exception {
        byte[] content = TestIdx.labels(4, 10, 0);
        Path file = TestIdx.write(dir.resolve("long"), Arrays.copyOf(content, content.length + 3));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("declares 4 payload bytes, found 7"), e.getMessage());
    }

    @Test
    void truncatedHeaderNamesTheFile() throws Exception {
        Path file = TestIdx.write(dir.resolve("header"), Arrays.copyOf(TestIdx.images(1, 2, 2, 0), 10));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void missingFileNamesTheFile() {
        Path file = dir.resolve("absent");

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void imageAndLabelCountsMustAgree() throws Exception {
        Path images = TestIdx.write(dir.resolve("images"), TestIdx.images(5, 4, 3, 0));
        Path labels = TestIdx.write(dir.resolve("labels"), TestIdx.labels(4, 10, 0));
        IdxArray i = IdxReader.readImages(images);
        IdxArray l = IdxReader.readLabels(labels);

        DataException e = assertThrows(DataException.class, () -> ImageSetReader.toImageSet(i, l, 4, 3, 10));

        assertTrue(e.getMessage().contains(images + " holds 5 images but " + labels + " holds 4 labels"),
                e.getMessage());
    }

    @Test
    void labelsOutsideTheClassesAreAnError() throws Exception {
        IdxArray i = IdxReader.readImages(TestIdx.write(dir.resolve("images"), TestIdx.images(5, 4, 3, 0)));
        Path labels = TestIdx.write(dir.resolve("labels"), TestIdx.labels(5, 10, 0));
        IdxArray l = IdxReader.readLabels(labels);

        DataException e = assertThrows(DataException.class, () -> ImageSetReader.toImageSet(i, l, 4, 3, 3));

        assertTrue(e.getMessage().startsWith(labels + ": label 3 at index 3"), e.getMessage());
    }

    @Test
    void imageSizeMustBeTheOnePromised() throws Exception {
        Path images = TestIdx.write(dir.resolve("images"), TestIdx.images(2, 4, 3, 0));
        IdxArray i = IdxReader.readImages(images);
        IdxArray l = IdxReader.readLabels(TestIdx.write(dir.resolve("labels"), TestIdx.labels(2, 10, 0)));

        DataException e = assertThrows(DataException.class, () -> ImageSetReader.toImageSet(i, l, 28, 28, 10));

        assertTrue(e.getMessage().contains(images + ": images are 4x3, expected 28x28"), e.getMessage());
    }

    @Test
    void buildsAnImageSet() throws Exception {
        IdxArray i = IdxReader.readImages(TestIdx.write(dir.resolve("images"), TestIdx.images(5, 4, 3, 0)));
        IdxArray l = IdxReader.readLabels(TestIdx.write(dir.resolve("labels"), TestIdx.labels(5, 10, 2)));

        ImageSet set = ImageSetReader.toImageSet(i, l, 4, 3, 10);

        assertEquals(5, set.count());
        assertEquals(1, set.channels());
        assertEquals(12, set.imageSize());
        assertEquals(2, set.label(0));
    }

    private static void assertOneLine(Exception e) {
        assertTrue(!e.getMessage().contains("\n"), "message spans lines: " + e.getMessage());
    }
}
