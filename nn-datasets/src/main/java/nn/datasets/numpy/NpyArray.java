package nn.datasets.numpy;

import nn.api.data.DataException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One array in NumPy's own `.npy` format (versions 1 to 3): the magic string, a header that is
 * a Python dict literal (`descr`, `fortran_order`, `shape`), then the data. Numbers are read as
 * floats, except that uint8 stays bytes (images). The declared size is checked against what
 * the file holds before anything is allocated.
 */
public record NpyArray(String name, long[] shape, String dtype, float[] floats, byte[] bytes) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    /** Larger arrays than this many elements do not fit a Java array of floats. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    public long rows() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /** Elements per row (the product of every dimension after the first). */
    public long rowSize() {
        long n = 1;
        for (int i = 1; i < shape.length; i++) n *= shape[i];
        return n;
    }

    public boolean isUint8() {
        return bytes != null;
    }

    public boolean isInteger() {
        return dtype.charAt(1) == 'i' || dtype.charAt(1) == 'u' || dtype.charAt(1) == 'b';
    }

    /** Element i as a float, whatever the storage. */
    public float get(long i) {
        return bytes != null ? bytes[(int) i] & 0xFF : floats[(int) i];
    }

    /** Reads an array of `size` bytes (the file's or zip entry's length, -1 if unknown) from `in`. */
    public static NpyArray read(String name, InputStream in, long size) throws IOException {
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || !java.util.Arrays.equals(java.util.Arrays.copyOf(magic, 6), MAGIC)) {
            throw new DataException(name + ": not a NumPy .npy array (no \\x93NUMPY magic)");
        }
        int major = magic[6];
        int headerLength;
        if (major == 1) {
            byte[] len = in.readNBytes(2);
            headerLength = (len[0] & 0xFF) | (len[1] & 0xFF) << 8;
        } else if (major == 2 || major == 3) {
            byte[] len = in.readNBytes(4);
            headerLength = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt();
        } else {
            throw new DataException(name + ": .npy format version " + major + " is not one this nn reads (1 to 3)");
        }
        if (headerLength < 0 || headerLength > 1 << 20) throw new DataException(name + ": implausible header length " + headerLength);
        byte[] headerBytes = in.readNBytes(headerLength);
        if (headerBytes.length < headerLength) throw new DataException(name + ": truncated in its header");
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = field(DESCR, header, "descr", name);
        if (field(FORTRAN, header, "fortran_order", name).equals("True")) {
            throw new DataException(name + ": Fortran-order arrays are not read; save with np.ascontiguousarray(a)");
        }
        long[] shape = shape(field(SHAPE, header, "shape", name), name);
        long elements = 1;
        for (long d : shape) {
            elements = Math.multiplyExact(elements, d);
            if (elements > MAX_ELEMENTS) throw new DataException(name + ": " + java.util.Arrays.toString(shape) + " is too many elements");
        }
        int itemSize = itemSize(descr, name);
        long dataBytes = elements * itemSize;
        long expected = 8 + (major == 1 ? 2 : 4) + headerLength + dataBytes;
        if (size >= 0 && size < expected) {
            throw new DataException(name + ": truncated: shape " + java.util.Arrays.toString(shape) + " of " + descr
                    + " needs " + expected + " bytes, the file has " + size);
        }
        byte[] data = in.readNBytes((int) dataBytes);
        if (data.length < dataBytes) {
            throw new DataException(name + ": truncated: " + data.length + " of " + dataBytes + " data bytes");
        }
        if (descr.equals("|u1")) return new NpyArray(name, shape, descr, null, data);
        return new NpyArray(name, shape, descr, floats(data, descr, (int) elements, name), null);
    }

    private static String field(Pattern p, String header, String key, String name) throws DataException {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new DataException(name + ": the .npy header has no '" + key + "': " + header.strip());
        return m.group(1);
    }

    private static long[] shape(String text, String name) throws DataException {
        List<Long> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            try {
                long d = Long.parseLong(p.replace("L", ""));
                if (d < 0) throw new NumberFormatException();
                dims.add(d);
            } catch (NumberFormatException e) {
                throw new DataException(name + ": bad shape (" + text + ")");
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static int itemSize(String descr, String name) throws DataException {
        return switch (descr) {
            case "|u1", "|i1", "|b1" -> 1;
            case "<i2", ">i2", "<u2", ">u2" -> 2;
            case "<f4", ">f4", "<i4", ">i4", "<u4", ">u4" -> 4;
            case "<f8", ">f8", "<i8", ">i8" -> 8;
            default -> throw new DataException(name + ": dtype '" + descr
                    + "' is not a number type this nn reads (float32/64, int8/16/32/64, uint8/16/32, bool)");
        };
    }

    private static float[] floats(byte[] data, String descr, int n, String name) {
        ByteBuffer b = ByteBuffer.wrap(data).order(descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[n];
        switch (descr.substring(1)) {
            case "i1", "b1" -> { for (int i = 0; i < n; i++) out[i] = data[i]; }
            case "i2" -> { for (int i = 0; i < n; i++) out[i] = b.getShort(); }
            case "u2" -> { for (int i = 0; i < n; i++) out[i] = b.getShort() & 0xFFFF; }
            case "i4" -> { for (int i = 0; i < n; i++) out[i] = b.getInt(); }
            case "u4" -> { for (int i = 0; i < n; i++) out[i] = b.getInt() & 0xFFFFFFFFL; }
            case "i8" -> { for (int i = 0; i < n; i++) out[i] = b.getLong(); }
            case "f4" -> { for (int i = 0; i < n; i++) out[i] = b.getFloat(); }
            case "f8" -> { for (int i = 0; i < n; i++) out[i] = (float) b.getDouble(); }
            default -> throw new IllegalStateException(name + ": " + descr);
        }
        return out;
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
