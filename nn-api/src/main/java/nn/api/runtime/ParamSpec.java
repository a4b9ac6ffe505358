package nn.api.runtime;

/**
 * One trainable tensor a layer needs: its name within the layer, its shape, the fan-in and
 * fan-out the initialiser scales by, and the initialiser to use.
 */
public record ParamSpec(String name, long[] shape, int fanIn, int fanOut, String initializer) {
    public long size() {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }
}
