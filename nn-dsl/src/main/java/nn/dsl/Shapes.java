package nn.dsl;

import nn.api.graph.Shape;
import nn.api.graph.TensorSize;
import nn.dsl.grammar.NnParser;

/**
 * A shape literal, `[1, 28, 28]`: every dimension a positive int (a constant will do), and
 * no more values than one tensor may hold (dimensions that multiply past 2^63 would wrap).
 */
final class Shapes {
    private final Reporter reporter;
    private final Values values;

    Shapes(Reporter reporter, Values values) {
        this.reporter = reporter;
        this.values = values;
    }

    /** The shape, or null (reported) when it is not one. */
    Shape shape(NnParser.ListContext list) {
        if (list.value().isEmpty()) {
            reporter.error(Source.Span.of(list), "an input shape needs at least one dimension", "e.g. [1, 28, 28]");
            return null;
        }
        int[] dims = new int[list.value().size()];
        boolean ok = true;
        for (int i = 0; i < dims.length; i++) {
            NnParser.ValueContext v = list.value(i);
            Object o = values.convert(v);
            if (o == Values.INVALID) {
                ok = false;
            } else if (o instanceof Integer d && d >= 1) {
                dims[i] = d;
            } else {
                boolean number = o instanceof Integer || o instanceof Long;
                reporter.error(Source.Span.of(v), "a dimension must be a positive integer, not " + Values.show(o),
                        number && ((Number) o).longValue() < 1
                                ? "a shape describes one example: leave the batch dimension out" : null);
                ok = false;
            }
        }
        if (!ok) return null;
        long[] wide = new long[dims.length];
        for (int i = 0; i < dims.length; i++) wide[i] = dims[i];
        String tooLarge = TensorSize.tooLarge("the input shape", wide);
        if (tooLarge != null) {
            reporter.error(Source.Span.of(list), tooLarge, "an input shape is one example's, without the batch");
            return null;
        }
        return Shape.of(dims);
    }
}
