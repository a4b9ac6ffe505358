package nn.datasets.numpy;

import nn.api.data.DataException;
import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.DatasetProvider;
import nn.datasets.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `data = npy("x.npy", "y.npy")`: NumPy arrays saved with `np.save`, features and targets; test
 * arrays with `test_x`/`test_y`, else a seeded split.
 */
public final class NpyProvider implements DatasetProvider {
    private static final List<String> FILES = List.of("x", "y", "test_x", "test_y");

    @Override
    public String name() {
        return "npy";
    }

    @Override
    public String description() {
        return "NumPy .npy arrays (np.save): features x and targets y, optionally test_x and test_y";
    }

    @Override
    public Schema schema() {
        List<Param> p = new ArrayList<>();
        p.add(Param.required("x", ParamType.STRING, "the features: shape (N, ...); uint8 (N, H, W) or (N, C, H, W) are images"));
        p.add(Param.required("y", ParamType.STRING, "the targets: shape (N,) or (N, K); integers are classes"));
        p.add(Param.optional("test_x", ParamType.STRING, "", "test features (else a seeded split)"));
        p.add(Param.optional("test_y", ParamType.STRING, "", "test targets"));
        p.addAll(NumpyArgs.common());
        return new Schema(p);
    }

    @Override
    public Map<String, Object> resolveFiles(Map<String, Object> args, Path base) {
        Map<String, Object> out = new LinkedHashMap<>(args);
        for (String key : FILES) {
            if (out.get(key) instanceof String s && !s.isEmpty()) out.put(key, base.resolve(s).normalize().toString());
        }
        return out;
    }

    @Override
    public Dataset load(Args args, DataLocation location) throws IOException {
        NumpyArgs a = NumpyArgs.from(args, name());
        Map<String, Object> m = args.asMap();
        String testX = (String) m.getOrDefault("test_x", ""), testY = (String) m.getOrDefault("test_y", "");
        if (testX.isEmpty() != testY.isEmpty()) throw new IllegalArgumentException("npy: give both test_x and test_y, or neither");
        Map<String, String> checksums = new LinkedHashMap<>();
        ArrayDataset.Split train = new ArrayDataset.Split(read((String) m.get("x"), checksums), read((String) m.get("y"), checksums));
        ArrayDataset.Split test = testX.isEmpty() ? null : new ArrayDataset.Split(read(testX, checksums), read(testY, checksums));
        return ArrayDataset.build(name(), train, test, a, checksums);
    }

    private static NpyArray read(String file, Map<String, String> checksums) throws IOException {
        Path path = Path.of(file);
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(path))) {
            NpyArray array = NpyArray.read(file, in, Files.size(path));
            checksums.put(path.getFileName().toString(), Sha256.ofContent(path));
            return array;
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        }
    }
}
