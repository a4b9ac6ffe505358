package nn.api.internal.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk copies between small arrays and Java, for work that is cheaper in Java than the fixed
 * cost of several native ops (a [64, 10] loss). One copy each way, whatever the data type.
 */
public final class Matrices {
    private Matrices() {
    }

    /** The values in row-major order. */
    public static double[] toArray(INDArray a) {
        INDArray dense = a.isView() || a.ordering() != 'c' ? a.dup('c') : a;
        return dense.data().asDouble();
    }

    /** Writes row-major values into `target`, which must be a c-ordered array of its own. */
    public static void write(double[] values, INDArray target) {
        if (target.isView() || target.ordering() != 'c' || target.length() != values.length) {
            throw new IllegalArgumentException("target must be a c-ordered, non-view array of " + values.length
                    + " values");
        }
        target.data().setData(values);
    }
}
