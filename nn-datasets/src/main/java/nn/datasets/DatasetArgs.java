package nn.datasets;

import nn.api.data.Normalization;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;

import java.util.List;

/** The arguments every IDX image data set takes (`mnist(normalize = [0.1307, 0.3081], train_limit = 1000)`). */
public record DatasetArgs(Normalization normalization, int trainLimit, int testLimit) {

    public static final String NORMALIZE = "normalize";
    public static final String TRAIN_LIMIT = "train_limit";
    public static final String TEST_LIMIT = "test_limit";

    public static Schema schema() {
        return Schema.of(
                Param.optional(NORMALIZE, ParamType.LIST, List.of(0.0, 1.0),
                        "[mean, std]: a pixel p becomes (p / 255 - mean) / std; [0, 1] just scales to [0, 1]"),
                Param.optional(TRAIN_LIMIT, ParamType.INT, 0,
                        "use only the first N training examples (0 = all)").range(0.0, null),
                Param.optional(TEST_LIMIT, ParamType.INT, 0,
                        "use only the first N test examples (0 = all)").range(0.0, null));
    }

    /**
     * Reads bound arguments. The schema checks types and ranges; what it cannot check (the
     * content of the normalize list) is checked here.
     *
     * @throws IllegalArgumentException with a one-line message naming the data set and parameter
     */
    public static DatasetArgs from(Args args, String dataset) {
        Normalization norm = normalization(args.has(NORMALIZE) ? args.asMap().get(NORMALIZE) : List.of(0.0, 1.0), dataset);
        return new DatasetArgs(norm, limit(args, TRAIN_LIMIT, dataset), limit(args, TEST_LIMIT, dataset));
    }

    static Normalization normalization(Object value, String dataset) {
        String problem = dataset + ": '" + NORMALIZE + "' must be [mean, std], two numbers with std > 0, not " + value;
        if (!(value instanceof List<?> list) || list.size() != 2
                || !(list.get(0) instanceof Number m) || !(list.get(1) instanceof Number s)) {
            throw new IllegalArgumentException(problem);
        }
        double mean = m.doubleValue();
        double std = s.doubleValue();
        if (!Double.isFinite(mean) || !Double.isFinite(std) || !(std > 0)) throw new IllegalArgumentException(problem);
        return new Normalization(mean, std);
    }

    private static int limit(Args args, String name, String dataset) {
        int n = args.has(name) ? args.getInt(name) : 0;
        if (n < 0) throw new IllegalArgumentException(dataset + ": '" + name + "' must be >= 0 (0 = all), not " + n);
        return n;
    }
}
