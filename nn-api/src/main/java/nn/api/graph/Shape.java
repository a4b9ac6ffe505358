package nn.api.graph;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/**
 * The shape of one example, without the batch dimension: [1, 28, 28] for an MNIST image.
 * It holds at most {@link TensorSize#MAX_ELEMENTS} values: a larger one is refused with
 * {@link TooLarge}, so that no size computed from a shape can wrap around.
 */
public final class Shape {
    private final int[] dims;

    /** A shape would hold more values than one tensor may: bad input, not a bug (shape inference reports it). */
    public static final class TooLarge extends IllegalArgumentException {
        TooLarge(String message) {
            super(message);
        }
    }

    private Shape(int[] dims) {
        long[] wide = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] <= 0) throw new IllegalArgumentException("shape dimensions must be positive: " + Arrays.toString(dims));
            wide[i] = dims[i];
        }
        String tooLarge = TensorSize.tooLarge("the shape", wide);
        if (tooLarge != null) throw new TooLarge(tooLarge);
        this.dims = dims.clone();
    }

    @JsonCreator
    public static Shape of(int... dims) {
        return new Shape(dims);
    }

    @JsonValue
    public int[] dims() {
        return dims.clone();
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int i) {
        return dims[i];
    }

    /** Number of values in one example: at most {@link TensorSize#MAX_ELEMENTS}. */
    public long size() {
        long n = 1;
        for (int d : dims) n *= d; // cannot overflow: the constructor checked the product
        return n;
    }

    /** The dimensions as longs, as ND4J and {@link nn.api.runtime.BatchBuffers} take them. */
    public long[] longDims() {
        long[] d = new long[dims.length];
        for (int i = 0; i < dims.length; i++) d[i] = dims[i];
        return d;
    }

    /** The array shape for a batch of this: [batch, dims...]. */
    public long[] withBatch(long batch) {
        long[] s = new long[dims.length + 1];
        s[0] = batch;
        for (int i = 0; i < dims.length; i++) s[i + 1] = dims[i];
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** `[1, 28, 28]`, as written in `.nn` files. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) s.append(i > 0 ? ", " : "").append(dims[i]);
        return s.append(']').toString();
    }
}
