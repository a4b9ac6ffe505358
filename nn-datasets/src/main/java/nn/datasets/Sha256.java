package nn.datasets;

import nn.api.data.DataException;
import nn.datasets.idx.GzipAwareInput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of decompressed content. Hashing after gunzip lets the same checksum hold for every
 * mirror, which compress the same bytes differently.
 */
public final class Sha256 {
    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** The SHA-256 of the file's content after gunzip (of the file itself if it is not gzip). */
    public static String ofContent(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = GzipAwareInput.open(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) digest.update(buffer, 0, n);
        }
        return hex(digest.digest());
    }

    /** Throws unless `actual` is `expected`; `advice` ends the message (what the user can do). */
    public static void verify(Path file, String expected, String actual, String advice) throws DataException {
        if (!expected.equalsIgnoreCase(actual)) {
            throw new DataException(file + ": SHA-256 mismatch: expected " + expected.toLowerCase() + ", actual "
                    + actual + (advice == null ? "" : " (" + advice + ")"));
        }
    }
}
