package nn.datasets.numpy;

import nn.api.data.Normalization;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.datasets.DatasetArgs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The arguments `npy(...)` and `npz(...)` share: how to read targets, the split, preprocessing, limits. */
record NumpyArgs(String task, double testSplit, long seed, boolean standardize, Normalization normalization,
                 int trainLimit, int testLimit) {

    static List<Param> common() {
        List<Param> p = new ArrayList<>();
        p.add(Param.optional("task", ParamType.STRING, "auto", "classes or values; auto: integer targets are classes")
                .oneOf("auto", "classes", "values"));
        p.add(Param.optional("test_split", ParamType.FLOAT, 0.2, "without test arrays: the fraction held out (seeded)")
                .range(0.0, 0.9));
        p.add(Param.optional("seed", ParamType.INT, 0, "seed of the test split"));
        p.add(Param.optional("standardize", ParamType.BOOL, true, "tables: standardise each feature with the training split's statistics"));
        p.add(Param.optional(DatasetArgs.NORMALIZE, ParamType.LIST, List.of(0.0, 1.0),
                "uint8 images: [mean, std], a pixel p becomes (p / 255 - mean) / std"));
        p.add(Param.optional("train_limit", ParamType.INT, 0, "use only the first N training examples (0 = all)").range(0.0, null));
        p.add(Param.optional("test_limit", ParamType.INT, 0, "use only the first N test examples (0 = all)").range(0.0, null));
        return p;
    }

    static NumpyArgs from(Args args, String dataset) {
        Map<String, Object> m = args.asMap();
        DatasetArgs images = DatasetArgs.from(args, dataset);
        return new NumpyArgs((String) m.getOrDefault("task", "auto"), ((Number) m.getOrDefault("test_split", 0.2)).doubleValue(),
                ((Number) m.getOrDefault("seed", 0)).longValue(), (Boolean) m.getOrDefault("standardize", true),
                images.normalization(), images.trainLimit(), images.testLimit());
    }
}
