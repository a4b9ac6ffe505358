package nn.api.inference;

/** Class probabilities from logits: a stable softmax per row, and the most probable class. */
public final class Softmax {
    private Softmax() {
    }

    /** `flat` holds `rows` rows of `classes` logits each. */
    public static double[][] rows(double[] flat, int rows, int classes) {
        double[][] p = new double[rows][classes];
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < classes; j++) max = Math.max(max, flat[r * classes + j]);
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                p[r][j] = Math.exp(flat[r * classes + j] - max);
                sum += p[r][j];
            }
            for (int j = 0; j < classes; j++) p[r][j] /= sum;
        }
        return p;
    }

    public static int argmax(double[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
        return best;
    }
}
