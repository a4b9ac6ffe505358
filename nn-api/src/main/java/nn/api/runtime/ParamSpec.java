package nn.api.runtime;

/**
 * One trainable tensor a layer needs: its name within the layer, its shape, the fan-in and
 * fan-out the initialiser scales by, and the initialiser to start from (with its arguments).
 *
 * <p>Fan-in is how many inputs feed one output unit through this tensor, fan-out how many
 * outputs one input reaches: for a dense weight [in, units] they are in and units, for a
 * convolution kernel channels*k*k and filters*k*k. A tensor that is not a weight matrix (a bias,
 * a per-channel scale or slope) uses {@code zeros}, {@code ones} or {@code constant(v)}, which
 * ignore them; give its own size for both.
 */
public record ParamSpec(String name, long[] shape, int fanIn, int fanOut, Init init) {

    /** With an initialiser written as text: {@code "he"}, {@code "constant(0.25)"}, {@code "normal(std = 0.02)"}. */
    public ParamSpec(String name, long[] shape, int fanIn, int fanOut, String initializer) {
        this(name, shape, fanIn, fanOut, Init.parse(initializer));
    }

    /** The number of values, exact ({@link Long#MAX_VALUE} if past a long; shape inference refuses more than a tensor may hold). */
    public long size() {
        return nn.api.graph.TensorSize.elements(shape);
    }
}
