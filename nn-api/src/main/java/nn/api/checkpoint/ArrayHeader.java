package nn.api.checkpoint;

import org.nd4j.linalg.api.buffer.DataType;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * Checks an array in ND4J's binary format against the bytes that hold it, before ND4J reads it:
 * ND4J allocates the length a header declares, so a forged header of a few bytes could ask for
 * gigabytes. The format is two buffers (shape information, then data), each written as
 * allocation mode, element count and data type, then the elements.
 */
final class ArrayHeader {
    private ArrayHeader() {
    }

    static void check(byte[] bytes, String where) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            for (String buffer : new String[]{"shape", "data"}) {
                in.readUTF(); // allocation mode
                long length = in.readLong();
                DataType type = type(in.readUTF(), where);
                long width = type.width();
                if (length < 0 || width <= 0 || length > in.available() / width) {
                    throw new IOException(where + ": its " + buffer + " buffer declares " + length + " elements of "
                            + type + " but the entry holds " + in.available() + " more bytes");
                }
                in.skipNBytes(length * width);
            }
        } catch (java.io.EOFException e) {
            throw new IOException(where + ": not an array (ends inside its header)");
        }
    }

    private static DataType type(String name, String where) throws IOException {
        try {
            return DataType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": not an array (unknown data type '" + name + "')");
        }
    }
}
