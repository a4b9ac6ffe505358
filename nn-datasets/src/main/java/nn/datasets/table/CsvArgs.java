package nn.datasets.table;

import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of `csv(...)`: `csv("train.csv", target = "price", test = "test.csv")`, or
 * several numeric targets with `targets = ["x", "y"]`, or a seeded split with `test_split = 0.2`.
 */
record CsvArgs(Path train, Path test, List<String> targets, List<String> features, String task, double testSplit,
               long seed, char delimiter, boolean standardize, int trainLimit, int testLimit) {

    static final String FILE = "file", TARGET = "target", TARGETS = "targets", FEATURES = "features", TEST = "test",
            TEST_SPLIT = "test_split", SEED = "seed", DELIMITER = "delimiter", TASK = "task", STANDARDIZE = "standardize";

    static Schema schema() {
        return Schema.of(
                Param.required(FILE, ParamType.STRING, "the CSV file to train on (a header row, then one example a row)"),
                Param.optional(TARGET, ParamType.STRING, "", "the column to predict"),
                Param.optional(TARGETS, ParamType.LIST, List.of(), "several numeric columns to predict, e.g. [\"x\", \"y\"]"),
                Param.optional(FEATURES, ParamType.LIST, List.of(), "the feature columns (default: every other column)"),
                Param.optional(TEST, ParamType.STRING, "", "a CSV file with the same columns to test on"),
                Param.optional(TEST_SPLIT, ParamType.FLOAT, 0.2,
                        "without a test file: the fraction of rows held out (seeded) to test on").range(0.0, 0.9),
                Param.optional(SEED, ParamType.INT, 0, "seed of the test split"),
                Param.optional(DELIMITER, ParamType.STRING, ",", "the field separator, one character"),
                Param.optional(TASK, ParamType.STRING, "auto",
                        "classes or values; auto: words make classes, numbers make values").oneOf("auto", "classes", "values"),
                Param.optional(STANDARDIZE, ParamType.BOOL, true,
                        "standardise each feature with the training split's mean and std"),
                Param.optional("train_limit", ParamType.INT, 0, "use only the first N training rows (0 = all)").range(0.0, null),
                Param.optional("test_limit", ParamType.INT, 0, "use only the first N test rows (0 = all)").range(0.0, null));
    }

    /** @throws IllegalArgumentException with a one-line message when the arguments do not fit together */
    static CsvArgs from(Args args) {
        Map<String, Object> m = args.asMap();
        String target = (String) m.getOrDefault(TARGET, "");
        List<String> targets = strings(m.getOrDefault(TARGETS, List.of()), TARGETS);
        if (!target.isEmpty() && !targets.isEmpty()) throw new IllegalArgumentException("csv: give 'target' or 'targets', not both");
        if (target.isEmpty() && targets.isEmpty()) {
            throw new IllegalArgumentException("csv: which column is the target? add target = \"column\"");
        }
        if (!target.isEmpty()) targets = List.of(target);
        String delimiter = (String) m.getOrDefault(DELIMITER, ",");
        if (delimiter.length() != 1) {
            throw new IllegalArgumentException("csv: 'delimiter' must be one character, not \"" + delimiter + "\"");
        }
        String test = (String) m.getOrDefault(TEST, "");
        double split = ((Number) m.getOrDefault(TEST_SPLIT, 0.2)).doubleValue();
        if (test.isEmpty() && !(split > 0)) {
            throw new IllegalArgumentException("csv: without a test file, test_split must be > 0 to hold out rows to test on");
        }
        String task = (String) m.getOrDefault(TASK, "auto");
        if (task.equals("classes") && targets.size() > 1) {
            throw new IllegalArgumentException("csv: task = \"classes\" takes one target column, not " + targets.size());
        }
        return new CsvArgs(Path.of((String) m.get(FILE)), test.isEmpty() ? null : Path.of(test), targets,
                strings(m.getOrDefault(FEATURES, List.of()), FEATURES), task, split,
                ((Number) m.getOrDefault(SEED, 0)).longValue(), delimiter.charAt(0),
                (Boolean) m.getOrDefault(STANDARDIZE, true),
                ((Number) m.getOrDefault("train_limit", 0)).intValue(), ((Number) m.getOrDefault("test_limit", 0)).intValue());
    }

    /** The arguments with the file names made absolute against `base`. */
    static Map<String, Object> resolve(Map<String, Object> args, Path base) {
        Map<String, Object> out = new LinkedHashMap<>(args);
        for (String key : List.of(FILE, TEST)) {
            if (out.get(key) instanceof String s && !s.isEmpty()) out.put(key, base.resolve(s).normalize().toString());
        }
        return out;
    }

    private static List<String> strings(Object value, String name) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) value) {
            if (!(o instanceof String s)) throw new IllegalArgumentException("csv: '" + name + "' must list column names in quotes, not " + o);
            out.add(s);
        }
        return out;
    }
}
