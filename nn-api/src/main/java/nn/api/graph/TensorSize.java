package nn.api.graph;

import java.util.Arrays;

/**
 * Exact element counts of tensors, and the most one tensor may hold. Shapes, parameter
 * tensors and memory estimates count with these, so that no count wraps around silently.
 *
 * <p>The cap is {@value #MAX_ELEMENTS} (2^31 - 1) values per tensor (one example's
 * activations, or one parameter tensor): a shape's dimensions are ints and `flatten()` makes
 * one dimension of an example's size; the optimizer, checkpoints and data loading hold values
 * in Java arrays, which int indexes. At 8 GiB of float32 per tensor, it is far above any model
 * that trains on one machine.
 */
public final class TensorSize {
    /** The most values one tensor may hold: one example's output of a node, or one parameter tensor. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE;

    private TensorSize() {
    }

    /** The product of the dimensions, or {@link Long#MAX_VALUE} when it would not fit a long (it never wraps). */
    public static long elements(long... dims) {
        long n = 1;
        for (long d : dims) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in " + Arrays.toString(dims));
            n = multiply(n, d);
        }
        return n;
    }

    /** a * b for non-negative counts, {@link Long#MAX_VALUE} when it would not fit. */
    public static long multiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }

    /** a + b for non-negative counts, {@link Long#MAX_VALUE} when it would not fit. */
    public static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** Null when a tensor of these dimensions is within the cap, else what to say about `what` (a shape, `weights W`). */
    public static String tooLarge(String what, long... dims) {
        long n = elements(dims);
        if (n <= MAX_ELEMENTS) return null;
        return what + " " + Arrays.toString(dims) + " holds " + count(n) + " values; one tensor may hold at most "
                + String.format("%,d", MAX_ELEMENTS);
    }

    /** `1,234,567`, or `over 9.2e18` for a count that saturated. */
    public static String count(long n) {
        return n == Long.MAX_VALUE ? "over 9.2e18" : String.format("%,d", n);
    }

    /** A dimension computed in long (a concatenation, a padded size) as an int, or why it cannot be one. */
    public static int dimension(String op, String what, long value) throws ShapeException {
        if (value > Integer.MAX_VALUE) {
            throw new ShapeException(op + ": " + what + " would be " + String.format("%,d", value)
                    + "; a dimension may be at most " + String.format("%,d", MAX_ELEMENTS));
        }
        return (int) value;
    }
}
