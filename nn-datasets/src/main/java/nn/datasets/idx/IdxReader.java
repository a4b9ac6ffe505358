package nn.datasets.idx;

import nn.api.data.DataException;
import nn.datasets.Sha256;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.function.IntFunction;
import java.util.zip.ZipException;

/**
 * Reads IDX files (http://yann.lecun.com/exdb/mnist/ format: big-endian magic number whose
 * last byte is the number of dimensions, then one big-endian int per dimension, then the
 * payload) of unsigned bytes, raw or gzip. Everything is checked against the header, so a
 * truncated download fails here with both byte counts instead of as a shape error later.
 */
public final class IdxReader {
    /** Unsigned bytes, one dimension: labels. */
    public static final int LABELS_MAGIC = 2049;
    /** Unsigned bytes, three dimensions (count, rows, cols): images. */
    public static final int IMAGES_MAGIC = 2051;

    private IdxReader() {
    }

    public static IdxArray readLabels(Path file) throws IOException {
        return read(file, LABELS_MAGIC);
    }

    public static IdxArray readImages(Path file) throws IOException {
        return read(file, IMAGES_MAGIC);
    }

    /** Reads a file whose magic number must be `expectedMagic` (2049 or 2051). */
    public static IdxArray read(Path file, int expectedMagic) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(GzipAwareInput.open(file), digest)) {
            int magic = readHeaderInt(in, file, "magic number");
            if (magic != expectedMagic) {
                throw new DataException(file + ": magic number " + magic + ", expected " + expectedMagic
                        + " (" + describe(expectedMagic) + "); not an IDX file of that kind");
            }
            int[] dims = new int[magic & 0xFF];
            long payload = 1;
            for (int i = 0; i < dims.length; i++) {
                dims[i] = readHeaderInt(in, file, "dimension " + (i + 1));
                if (dims[i] < 0 || (i > 0 && dims[i] == 0)) {
                    throw new DataException(file + ": dimension " + (i + 1) + " is " + Integer.toUnsignedString(dims[i])
                            + " in the header, which cannot be right");
                }
                payload *= dims[i];
                if (payload > Integer.MAX_VALUE - 8) {
                    throw new DataException(file + ": header declares more than " + (Integer.MAX_VALUE - 8)
                            + " payload bytes, too many to hold in memory");
                }
            }
            byte[] data;
            try {
                data = readPayload(in, (int) payload, file);
            } catch (OutOfMemoryError e) {
                throw tooLarge(file, payload);
            }
            if (data.length < payload) {
                throw new DataException(file + ": truncated: header " + shape(dims) + " declares " + payload
                        + " payload bytes, found " + data.length);
            }
            long extra = drain(in, file);
            if (extra > 0) {
                throw new DataException(file + ": header " + shape(dims) + " declares " + data.length
                        + " payload bytes, found " + (data.length + extra) + " (" + extra + " extra)");
            }
            return new IdxArray(file, magic, dims, data, Sha256.hex(digest.digest()));
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file", e);
        } catch (ZipException e) {
            throw new DataException(file + ": corrupt gzip data (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads only some records of a file whose magic number must be `expectedMagic`: `keep` gets the
     * record count of the header and answers the indices (ascending) to keep. A gzip stream cannot
     * be skipped through, so every byte is still decoded and hashed, but only the kept records are
     * held: the result's first dimension is their count, its SHA-256 the whole file's. The header is
     * checked against the file's size before anything it declares is allocated.
     */
    public static IdxArray readRecords(Path file, int expectedMagic, IntFunction<int[]> keep) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(GzipAwareInput.open(file), digest)) {
            int[] dims = header(in, file, expectedMagic);
            long payload = payload(dims);
            checkAgainstFileSize(file, dims, payload);
            int recordSize = (int) (payload(java.util.Arrays.copyOfRange(dims, 1, dims.length)));
            int[] kept = keep.apply(dims[0]);
            byte[] data = allocate(file, (long) kept.length * recordSize);
            byte[] skipped = new byte[recordSize];
            int next = 0;
            for (int record = 0; record < dims[0]; record++) {
                boolean keepIt = next < kept.length && kept[next] == record;
                int got = keepIt ? readUpTo(in, data, next * recordSize, (next + 1) * recordSize, file)
                        : readUpTo(in, skipped, 0, recordSize, file);
                if (got < recordSize) {
                    throw new DataException(file + ": truncated: header " + shape(dims) + " declares " + payload
                            + " payload bytes, found " + ((long) record * recordSize + got));
                }
                if (keepIt) next++;
            }
            long extra = drain(in, file);
            if (extra > 0) {
                throw new DataException(file + ": header " + shape(dims) + " declares " + payload
                        + " payload bytes, found " + (payload + extra) + " (" + extra + " extra)");
            }
            int[] keptDims = dims.clone();
            keptDims[0] = kept.length;
            return new IdxArray(file, expectedMagic, keptDims, data, Sha256.hex(digest.digest()));
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file", e);
        } catch (ZipException e) {
            throw new DataException(file + ": corrupt gzip data (" + e.getMessage() + ")", e);
        }
    }

    /** The magic number (checked) and the dimensions of an IDX header. */
    private static int[] header(InputStream in, Path file, int expectedMagic) throws IOException {
        int magic = readHeaderInt(in, file, "magic number");
        if (magic != expectedMagic) {
            throw new DataException(file + ": magic number " + magic + ", expected " + expectedMagic
                    + " (" + describe(expectedMagic) + "); not an IDX file of that kind");
        }
        int[] dims = new int[magic & 0xFF];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = readHeaderInt(in, file, "dimension " + (i + 1));
            if (dims[i] < 0 || (i > 0 && dims[i] == 0)) {
                throw new DataException(file + ": dimension " + (i + 1) + " is " + Integer.toUnsignedString(dims[i])
                        + " in the header, which cannot be right");
            }
        }
        return dims;
    }

    private static long payload(int[] dims) {
        long payload = 1;
        for (int d : dims) payload = d != 0 && payload > Long.MAX_VALUE / d ? Long.MAX_VALUE : payload * d;
        return payload;
    }

    /**
     * Deflate shrinks data by at most 1032:1, so a gzip file of `size` bytes holds at most 1032 x size;
     * a raw file holds exactly its size minus the header. A header that declares more is refused
     * before its records are allocated.
     */
    private static void checkAgainstFileSize(Path file, int[] dims, long payload) throws IOException {
        long size = java.nio.file.Files.size(file);
        long header = 4L + 4L * dims.length;
        boolean gzip = GzipAwareInput.isGzip(file);
        long most = gzip ? 1032L * size : size - header;
        if (payload > most) {
            throw new DataException(file + ": truncated: header " + shape(dims) + " declares " + payload
                    + " payload bytes, but a" + (gzip ? " gzip" : "") + " file of " + size + " bytes holds at most " + most);
        }
    }

    /** A buffer for what was checked to be there; a heap too small for it is a clear error, not a stack trace. */
    static byte[] allocate(Path file, long bytes) throws DataException {
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new DataException(file + ": " + bytes + " bytes to hold, more than one array can");
        }
        try {
            return new byte[(int) bytes];
        } catch (OutOfMemoryError e) {
            throw tooLarge(file, bytes);
        }
    }

    /** The one-line error for data that does not fit in this JVM's heap, naming the limit. */
    static DataException tooLarge(Path file, long bytes) {
        long max = Runtime.getRuntime().maxMemory();
        return new DataException(file + ": " + megabytes(bytes) + " of data do not fit in this JVM's heap (limit "
                + megabytes(max) + ", -Xmx; on Spark executors spark.executor.memory): give it more memory"
                + " (NN_JAVA_OPTS=-Xmx4g), or"
                + " read a share of the data per worker (spark.nn.shards=true)");
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static String describe(int magic) {
        return switch (magic) {
            case LABELS_MAGIC -> "labels: unsigned bytes, 1 dimension";
            case IMAGES_MAGIC -> "images: unsigned bytes, 3 dimensions";
            default -> "unsigned bytes, " + (magic & 0xFF) + " dimensions";
        };
    }

    private static String shape(int[] dims) {
        StringBuilder s = new StringBuilder();
        for (int d : dims) s.append(s.length() == 0 ? "" : "x").append(d);
        return s.toString();
    }

    private static int readHeaderInt(InputStream in, Path file, String what) throws IOException {
        byte[] b = new byte[4];
        if (readUpTo(in, b, file) < 4) {
            throw new DataException(file + ": file ends inside the IDX header (reading its " + what + ")");
        }
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    /**
     * Reads up to `declared` bytes, growing the buffer as data arrives rather than allocating what
     * the header declares: a forged header of a few bytes cannot ask for gigabytes.
     */
    private static byte[] readPayload(InputStream in, int declared, Path file) throws IOException {
        byte[] buffer = new byte[Math.min(declared, 1 << 20)];
        int got = 0;
        while (true) {
            int n = readUpTo(in, buffer, got, file);
            got += n;
            if (got < buffer.length || buffer.length == declared) return got == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, got);
            buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(declared, 2L * buffer.length));
        }
    }

    private static int readUpTo(InputStream in, byte[] buffer, Path file) throws IOException {
        return readUpTo(in, buffer, 0, file);
    }

    /** Fills `buffer` from `from` as far as the content goes; a gzip stream cut short counts as the end. */
    private static int readUpTo(InputStream in, byte[] buffer, int from, Path file) throws IOException {
        return readUpTo(in, buffer, from, buffer.length, file);
    }

    /** Fills buffer[from .. to) as far as the content goes; a gzip stream cut short counts as the end. */
    private static int readUpTo(InputStream in, byte[] buffer, int from, int to, Path file) throws IOException {
        int off = from;
        try {
            while (off < to) {
                int n = in.read(buffer, off, to - off);
                if (n < 0) break;
                off += n;
            }
        } catch (EOFException e) {
            // GZIPInputStream reports a cut-off stream this way; the caller reports the byte counts.
        }
        return off - from;
    }

    /** Counts (and hashes) whatever follows the payload; it should be nothing. */
    private static long drain(InputStream in, Path file) throws IOException {
        byte[] skip = new byte[8192];
        long total = 0;
        try {
            for (int n; (n = in.read(skip)) >= 0; ) total += n;
        } catch (EOFException e) {
            throw new DataException(file + ": truncated: the gzip stream ends before its trailer", e);
        }
        return total;
    }
}
