package nn.api.runtime;

/**
 * One trainable tensor a layer needs: its name within the layer, its shape, the fan-in and
 * fan-out the initialiser scales by, and the initialiser to use.
 */
public record ParamSpec(String name, long[] shape, int fanIn, int fanOut, String initializer) {
    /** The number of values, exact ({@link Long#MAX_VALUE} if past a long; shape inference refuses more than a tensor may hold). */
    public long size() {
        return nn.api.graph.TensorSize.elements(shape);
    }
}
