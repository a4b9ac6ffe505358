package nn.datasets.images;

import nn.datasets.SeededSplit;
import nn.api.data.DataException;
import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.data.Examples;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.DatasetProvider;
import nn.datasets.DatasetArgs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `data = images("photos", size = [64, 64], channels = 3)`: one sub-folder per class of PNG and
 * JPEG pictures of any size, resized. A `test` folder with the same classes, or a seeded split.
 * Decoded once in parallel and cached by content (under the data cache, `image-cache/`); later
 * runs map the cache. An unreadable or truncated image is an error naming it: nothing is skipped.
 */
public final class ImagesProvider implements DatasetProvider {

    @Override
    public String name() {
        return "images";
    }

    @Override
    public String description() {
        return "a folder of PNG/JPEG images, one sub-folder per class, resized and cached decoded";
    }

    @Override
    public Schema schema() {
        List<Param> p = new ArrayList<>();
        p.add(Param.required("dir", ParamType.STRING, "the folder with one sub-folder of images per class"));
        p.add(Param.required("size", ParamType.LIST, "[height, width] every image is resized to"));
        p.add(Param.optional("channels", ParamType.INT, 1, "1 (grey) or 3 (RGB)").range(1.0, 3.0));
        p.add(Param.optional("test", ParamType.STRING, "", "a folder with the same class sub-folders to test on"));
        p.add(Param.optional("test_split", ParamType.FLOAT, 0.2, "without a test folder: the fraction held out (seeded)").range(0.0, 0.9));
        p.add(Param.optional("seed", ParamType.INT, 0, "seed of the test split"));
        p.addAll(DatasetArgs.schema().params());
        return new Schema(p);
    }

    @Override
    public Map<String, Object> resolveFiles(Map<String, Object> args, Path base) {
        Map<String, Object> out = new LinkedHashMap<>(args);
        for (String key : List.of("dir", "test")) {
            if (out.get(key) instanceof String s && !s.isEmpty()) out.put(key, base.resolve(s).normalize().toString());
        }
        return out;
    }

    @Override
    public Dataset load(Args args, DataLocation location) throws IOException {
        Map<String, Object> m = args.asMap();
        DatasetArgs common = DatasetArgs.from(args, name());
        int[] size = size(m.get("size"));
        int channels = ((Number) m.getOrDefault("channels", 1)).intValue();
        if (channels != 1 && channels != 3) throw new IllegalArgumentException("images: channels must be 1 or 3, not " + channels);
        Path cache = location.cacheRoot().resolve("image-cache");
        ImageFolder trainFolder = ImageFolder.scan(Path.of((String) m.get("dir")), null);
        Examples train = DecodedCache.load(trainFolder, channels, size[0], size[1], cache).images();
        String testDir = (String) m.getOrDefault("test", "");
        Examples test;
        if (!testDir.isEmpty()) {
            ImageFolder testFolder = ImageFolder.scan(Path.of(testDir), trainFolder.classes());
            test = DecodedCache.load(testFolder, channels, size[0], size[1], cache).images();
        } else {
            double fraction = ((Number) m.getOrDefault("test_split", 0.2)).doubleValue();
            Examples[] split = split(train, fraction, ((Number) m.getOrDefault("seed", 0)).longValue(), trainFolder.root());
            train = split[0];
            test = split[1];
        }
        if (common.trainLimit() > 0) train = train.head(common.trainLimit());
        if (common.testLimit() > 0) test = test.head(common.testLimit());
        return new Dataset(name(), train, test, trainFolder.classes(), common.normalization(), Map.of());
    }

    private static int[] size(Object value) {
        if (value instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Integer h && l.get(1) instanceof Integer w
                && h > 0 && w > 0 && h <= 4096 && w <= 4096) {
            return new int[]{h, w};
        }
        throw new IllegalArgumentException("images: 'size' must be [height, width], two whole numbers in 1..4096, not " + value);
    }

    private static Examples[] split(Examples all, double fraction, long seed, Path root) throws DataException {
        int[][] parts = SeededSplit.indices(all.count(), fraction, seed, root.toString(), "images", "a test folder");
        return new Examples[]{all.select(parts[0]), all.select(parts[1])};
    }
}
