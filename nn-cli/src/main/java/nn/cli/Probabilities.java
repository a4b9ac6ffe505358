package nn.cli;

import nn.api.runtime.Matrices;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Class probabilities from logits: a stable softmax per row. */
final class Probabilities {
    private Probabilities() {
    }

    static double[][] softmax(INDArray logits) {
        int rows = (int) logits.size(0), classes = (int) logits.size(1);
        double[] flat = Matrices.toArray(logits); // one bulk copy; toDoubleMatrix copies row by row
        double[][] z = new double[rows][];
        for (int r = 0; r < rows; r++) z[r] = java.util.Arrays.copyOfRange(flat, r * classes, (r + 1) * classes);
        for (double[] row : z) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : row) max = Math.max(max, v);
            double sum = 0;
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.exp(row[j] - max);
                sum += row[j];
            }
            for (int j = 0; j < row.length; j++) row[j] /= sum;
        }
        return z;
    }

    static int argmax(double[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
        return best;
    }
}
