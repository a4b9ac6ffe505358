package nn.datasets.idx;

import java.nio.file.Path;

/**
 * The content of one IDX file of unsigned bytes: its magic number, dimensions and payload,
 * plus the SHA-256 of the whole decompressed file. The payload is shared, not copied, since
 * it can be tens of megabytes.
 */
public record IdxArray(Path source, int magic, int[] dimensions, byte[] data, String sha256) {

    /** The first dimension: how many images or labels the file holds. */
    public int count() {
        return dimensions[0];
    }
}
