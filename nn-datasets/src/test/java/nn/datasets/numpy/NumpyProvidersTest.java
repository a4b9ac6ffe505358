package nn.datasets.numpy;

import nn.api.data.DataException;
import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.data.ImageSet;
import nn.api.data.TableSet;
import nn.api.data.Task;
import nn.api.schema.Args;
import nn.api.spi.DatasetProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** npy(...) and npz(...) on arrays written byte by byte in NumPy's format (as np.save does). */
class NumpyProvidersTest {
    @TempDir
    Path dir;

    /** An .npy file's bytes, format 1.0, little-endian: what np.save writes. */
    static byte[] npy(String descr, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        int pad = 64 - (10 + dict.length() + 1) % 64;
        String header = dict + " ".repeat(pad % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xFF);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    static byte[] longs(long... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long l : v) b.putLong(l);
        return b.array();
    }

    Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    static Dataset load(DatasetProvider p, Object... keyValues) throws IOException {
        Map<String, Object> args = new LinkedHashMap<>();
        for (var param : p.schema().params()) if (!param.isRequired()) args.put(param.name(), param.defaultValue());
        for (int i = 0; i < keyValues.length; i += 2) args.put((String) keyValues[i], keyValues[i + 1]);
        return p.load(new Args(args), DataLocation.resolve(null));
    }

    @Test
    void npyReadsFloatFeaturesWithIntegerClassesOrFloatValues() throws IOException {
        Path x = file("x.npy", npy("<f4", "4, 2", floats(0, 1, 2, 3, 4, 5, 6, 7)));
        Path c = file("c.npy", npy("<i8", "4,", longs(0, 1, 2, 1)));
        Path v = file("v.npy", npy("<f4", "4,", floats(1.5f, 2.5f, 3.5f, 4.5f)));
        Dataset classes = load(new NpyProvider(), "x", x.toString(), "y", c.toString(), "test_x", x.toString(), "test_y", c.toString());
        assertEquals(Task.CLASSES, classes.task());
        assertEquals(3, classes.train().classes());
        assertEquals(2, classes.train().label(2));
        assertArrayEquals(new float[]{0, 1, 2, 3, 4, 5, 6, 7}, ((TableSet) classes.train()).features());

        Dataset values = load(new NpyProvider(), "x", x.toString(), "y", v.toString(), "test_split", 0.25);
        assertEquals(Task.VALUES, values.task());
        assertEquals(3, values.train().count());
        assertEquals(1, values.test().count());
    }

    @Test
    void npzWithUint8PicturesGivesImagesUnderKerasNames() throws IOException {
        byte[] pixels = new byte[3 * 2 * 2];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) (i * 20);
        Path npz = dir.resolve("d.npz");
        try (OutputStream f = Files.newOutputStream(npz); ZipOutputStream zip = new ZipOutputStream(f)) {
            for (String name : new String[]{"x_train", "x_test"}) {
                zip.putNextEntry(new ZipEntry(name + ".npy"));
                zip.write(npy("|u1", "3, 2, 2", pixels));
            }
            for (String name : new String[]{"y_train", "y_test"}) {
                zip.putNextEntry(new ZipEntry(name + ".npy"));
                zip.write(npy("|u1", "3,", new byte[]{0, 1, 1}));
            }
        }
        Dataset d = load(new NpzProvider(), "file", npz.toString());
        ImageSet train = assertInstanceOf(ImageSet.class, d.train());
        assertEquals(2, train.rows());
        assertEquals(2, train.classes());
        assertEquals((byte) 20, train.pixels()[1]);

        DataException e = assertThrows(DataException.class, () -> load(new NpzProvider(), "file", npz.toString(), "x", "x_trian"));
        assertEquals(npz + ": no array 'x_trian'; did you mean 'x_train'?", e.getMessage());
    }

    @Test
    void badArraysAreOneLineNamingTheFile() throws IOException {
        byte[] good = npy("<f4", "4, 2", floats(0, 1, 2, 3, 4, 5, 6, 7));
        Path truncated = file("t.npy", java.util.Arrays.copyOf(good, good.length - 5));
        Path y = file("y.npy", npy("<i8", "3,", longs(0, 1, 0)));
        Path x = file("x.npy", good);
        Path text = file("n.npy", "x,y\n1,2\n".getBytes());
        Path strings = file("s.npy", npy("<U3", "4,", new byte[48]));

        assertEquals(truncated + ": truncated: shape [4, 2] of <f4 needs " + good.length + " bytes, the file has "
                + (good.length - 5), error("x", truncated.toString(), "y", y.toString()));
        assertEquals(y + ": 3 targets for the 4 examples of " + x, error("x", x.toString(), "y", y.toString()));
        assertEquals(text + ": not a NumPy .npy array (no \\x93NUMPY magic)", error("x", text.toString(), "y", y.toString()));
        assertEquals(strings + ": dtype '<U3' is not a number type this nn reads (float32/64, int8/16/32/64, uint8/16/32, bool)",
                error("x", x.toString(), "y", strings.toString()));
        assertEquals(dir.resolve("none.npy") + ": no such file", error("x", dir.resolve("none.npy").toString(), "y", y.toString()));
    }

    String error(Object... keyValues) {
        return assertThrows(DataException.class, () -> load(new NpyProvider(), keyValues)).getMessage();
    }
}
