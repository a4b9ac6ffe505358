package nn.datasets.idx;

import nn.api.data.DataException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens a file for reading its content, gunzipping it when it starts with the gzip magic bytes.
 * The name is not trusted: mirrors and users rename files, and a `.gz` may hold raw bytes.
 */
public final class GzipAwareInput {
    private static final int BUFFER = 1 << 16;

    private GzipAwareInput() {
    }

    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** The decompressed content of `file` (or its raw bytes if it is not gzip). */
    public static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            return gzip ? new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER) : raw;
        } catch (IOException e) {
            raw.close();
            throw new DataException(file + ": unreadable gzip header (" + e.getMessage() + ")", e);
        }
    }
}
