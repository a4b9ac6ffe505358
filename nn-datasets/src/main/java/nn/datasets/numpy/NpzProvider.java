package nn.datasets.numpy;

import nn.api.data.DataException;
import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.schema.Suggest;
import nn.api.spi.DatasetProvider;
import nn.datasets.Sha256;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * `data = npz("mnist.npz")`: arrays saved with `np.savez` (a zip of .npy files), by default the
 * names Keras uses (x_train, y_train, x_test, y_test); without the test arrays, a seeded split.
 */
public final class NpzProvider implements DatasetProvider {

    @Override
    public String name() {
        return "npz";
    }

    @Override
    public String description() {
        return "a NumPy .npz archive (np.savez): x_train, y_train and optionally x_test, y_test";
    }

    @Override
    public Schema schema() {
        List<Param> p = new ArrayList<>();
        p.add(Param.required("file", ParamType.STRING, "the .npz file"));
        p.add(Param.optional("x", ParamType.STRING, "x_train", "the training features' array name"));
        p.add(Param.optional("y", ParamType.STRING, "y_train", "the training targets' array name"));
        p.add(Param.optional("test_x", ParamType.STRING, "x_test", "the test features' array name (absent: a seeded split)"));
        p.add(Param.optional("test_y", ParamType.STRING, "y_test", "the test targets' array name"));
        p.addAll(NumpyArgs.common());
        return new Schema(p);
    }

    @Override
    public Map<String, Object> resolveFiles(Map<String, Object> args, Path base) {
        Map<String, Object> out = new LinkedHashMap<>(args);
        if (out.get("file") instanceof String s) out.put("file", base.resolve(s).normalize().toString());
        return out;
    }

    @Override
    public Dataset load(Args args, DataLocation location) throws IOException {
        NumpyArgs a = NumpyArgs.from(args, name());
        Map<String, Object> m = args.asMap();
        Path file = Path.of((String) m.get("file"));
        String x = (String) m.getOrDefault("x", "x_train"), y = (String) m.getOrDefault("y", "y_train");
        String testX = (String) m.getOrDefault("test_x", "x_test"), testY = (String) m.getOrDefault("test_y", "y_test");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ArrayDataset.Split train = new ArrayDataset.Split(array(zip, file, x, true), array(zip, file, y, true));
            NpyArray tx = array(zip, file, testX, false), ty = array(zip, file, testY, false);
            if ((tx == null) != (ty == null)) {
                throw new DataException(file + ": has " + (tx == null ? testY : testX) + " but not "
                        + (tx == null ? testX : testY) + ": give both test arrays or neither");
            }
            ArrayDataset.Split test = tx == null ? null : new ArrayDataset.Split(tx, ty);
            return ArrayDataset.build(name(), train, test, a, Map.of(file.getFileName().toString(), Sha256.ofContent(file)));
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (java.util.zip.ZipException e) {
            throw new DataException(file + ": not an .npz archive (" + e.getMessage() + ")");
        }
    }

    private static NpyArray array(ZipFile zip, Path file, String name, boolean required) throws IOException {
        ZipEntry entry = zip.getEntry(name + ".npy");
        if (entry == null) {
            if (!required) return null;
            List<String> names = zip.stream().map(ZipEntry::getName).map(n -> n.replaceFirst("\\.npy$", "")).toList();
            String guess = Suggest.closest(name, names);
            throw new DataException(file + ": no array '" + name + "'" + (guess != null ? "; did you mean '" + guess + "'?"
                    : "; it holds " + String.join(", ", names)));
        }
        try (var in = new java.io.BufferedInputStream(zip.getInputStream(entry))) {
            return NpyArray.read(file + ":" + name, in, entry.getSize());
        }
    }
}
