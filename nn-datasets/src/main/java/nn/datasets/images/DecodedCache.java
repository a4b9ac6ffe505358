package nn.datasets.images;

import nn.api.data.DataException;
import nn.api.data.MappedImageSet;
import nn.datasets.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Decoded image folders, cached as one file of uint8 pixels keyed by the SHA-256 of every
 * image's path and content and the decoding settings: a second run maps the file (read-only,
 * outside the heap) instead of decoding again, and any change to any image makes a new key.
 * The first run decodes in parallel straight into the mapped file, so neither run holds the
 * pixels on the heap. Files: header (magic, count, channels, height, width, classes), labels,
 * pixels.
 */
final class DecodedCache {
    private static final byte[] MAGIC = "NNIMG001".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 5 * 4;

    /** What a load did, for the log line: decoded now or mapped from the cache. */
    record Loaded(MappedImageSet images, boolean fromCache, Path file) {
    }

    private DecodedCache() {
    }

    static Loaded load(ImageFolder folder, int channels, int height, int width, Path cacheDir) throws IOException {
        String key = key(folder, channels, height, width);
        Path file = cacheDir.resolve(key + ".u8");
        int n = folder.files().size(), size = channels * height * width;
        long total = HEADER + (long) n + (long) n * size;
        if (total > Integer.MAX_VALUE) {
            throw new DataException(folder.root() + ": " + n + " images of " + size + " bytes exceed the 2 GB one mapping holds");
        }
        if (Files.isRegularFile(file) && Files.size(file) == total) {
            return new Loaded(map(file, folder, channels, height, width), true, file);
        }
        Files.createDirectories(cacheDir);
        Path temp = Files.createTempFile(cacheDir, key, ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                MappedByteBuffer out = ch.map(FileChannel.MapMode.READ_WRITE, 0, total);
                out.put(MAGIC).putInt(n).putInt(channels).putInt(height).putInt(width).putInt(folder.classes().size());
                out.put(HEADER, folder.labels());
                decodeAll(folder, channels, height, width, out, HEADER + n);
                out.force();
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return new Loaded(map(file, folder, channels, height, width), false, file);
    }

    /** Every image decoded on all cores, each written at its own place in `out` (absolute puts: no sharing). */
    private static void decodeAll(ImageFolder folder, int channels, int height, int width, ByteBuffer out, int at)
            throws DataException {
        int size = channels * height * width;
        AtomicReference<DataException> failure = new AtomicReference<>();
        AtomicInteger done = new AtomicInteger();
        ThreadLocal<byte[]> scratch = ThreadLocal.withInitial(() -> new byte[size]);
        IntStream.range(0, folder.files().size()).parallel().forEach(i -> {
            if (failure.get() != null) return;
            try {
                byte[] image = scratch.get();
                ImageDecoder.decode(folder.files().get(i), channels, height, width, image, 0);
                out.put(at + i * size, image);
                done.incrementAndGet();
            } catch (DataException e) {
                failure.compareAndSet(null, e);
            }
        });
        if (failure.get() != null) throw failure.get();
    }

    private static MappedImageSet map(Path file, ImageFolder folder, int channels, int height, int width) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer in = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            byte[] magic = new byte[MAGIC.length];
            in.get(0, magic);
            int n = in.getInt(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC) || n != folder.files().size() || in.getInt(MAGIC.length + 4) != channels
                    || in.getInt(MAGIC.length + 8) != height || in.getInt(MAGIC.length + 12) != width) {
                throw new DataException(file + ": a damaged image cache; delete it to decode again");
            }
            byte[] labels = new byte[n];
            in.get(HEADER, labels);
            return MappedImageSet.all(in, HEADER + n, labels, channels, height, width, folder.classes().size());
        }
    }

    /** SHA-256 over the settings, then each image's path (relative, with its class) and content. */
    static String key(ImageFolder folder, int channels, int height, int width) throws IOException {
        MessageDigest all = Sha256.newDigest();
        all.update((channels + "x" + height + "x" + width + "\n").getBytes(StandardCharsets.UTF_8));
        // Hashing each file is parallel too: reading 60,000 small files is mostly waiting.
        String[] hashes = new String[folder.files().size()];
        try {
            IntStream.range(0, hashes.length).parallel().forEach(i -> {
                try {
                    hashes[i] = Sha256.ofContent(folder.files().get(i));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw new DataException("cannot read an image: " + e.getCause().getMessage(), e.getCause());
        }
        for (int i = 0; i < hashes.length; i++) {
            all.update((folder.root().relativize(folder.files().get(i)) + "\0" + hashes[i] + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(all.digest());
    }
}
