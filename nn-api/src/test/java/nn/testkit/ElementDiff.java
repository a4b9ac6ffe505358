package nn.testkit;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/** Which elements of an array differ from what they should be: how many, and the first by its position ([n, c, h, w]). */
final class ElementDiff {
    private ElementDiff() {
    }

    /** Null when {@code actual} equals {@code expected} element for element (NaN counts as a difference); else a description. */
    static String describe(INDArray expected, INDArray actual) {
        if (!Arrays.equals(expected.shape(), actual.shape())) {
            return "the shape changed from " + Arrays.toString(expected.shape()) + " to " + Arrays.toString(actual.shape());
        }
        long differing = 0;
        long first = -1;
        for (long i = 0; i < expected.length(); i++) {
            double e = expected.getDouble(i), a = actual.getDouble(i);
            boolean same = e == a || Math.abs(e - a) <= 1e-12 * Math.max(1, Math.abs(e));
            if (!same) {
                differing++;
                if (first < 0) first = i;
            }
        }
        if (differing == 0) return null;
        return differing + " of " + expected.length() + " elements differ, the first at "
                + GradientCheck.position(expected.shape(), first) + " (expected " + expected.getDouble(first)
                + ", got " + actual.getDouble(first) + ")";
    }
}
