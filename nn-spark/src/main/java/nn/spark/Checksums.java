package nn.spark;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/** CRC-32C of a parameter vector's bytes: equal vectors, equal checksums. */
final class Checksums {
    private Checksums() {
    }

    static long of(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }
}
