package nn.api.train;

import nn.api.random.Permutations;

/**
 * How close predicted values are to the true ones (predictions read through
 * {@link nn.api.runtime.Loss#prediction(double)}, e.g. probabilities for binary cross-entropy), averaged over the target columns as
 * scikit-learn's uniform average: mean squared error, mean absolute error and the coefficient
 * of determination R² = 1 - SS_res / SS_tot (1 is perfect, 0 is no better than the mean).
 */
public record RegressionMetrics(double mse, double mae, double r2, Double binaryAccuracy) {

    /**
     * The figures of `network` on a split of values, in evaluation mode, with `binaryAccuracy`
     * when every target is 0 or 1: the fraction of predictions on the right side of 0.5.
     */
    public static RegressionMetrics of(nn.api.network.Network network, nn.api.runtime.Loss loss,
                                       nn.api.data.Examples data, nn.api.data.Normalization normalization) {
        return accumulate(network, loss, data, normalization).result();
    }

    /** The accumulated predictions of `network` on a split of values, for overall and per-column figures. */
    public static Accumulator accumulate(nn.api.network.Network network, nn.api.runtime.Loss loss,
                                         nn.api.data.Examples data, nn.api.data.Normalization normalization) {
        BatchFeeder feeder = new BatchFeeder(data, normalization, network.inputShape());
        int n = data.count(), width = data.targetWidth();
        int[] order = Permutations.identity(n);
        Accumulator values = new Accumulator(width);
        for (int from = 0; from < n; from += Evaluator.BATCH) {
            int size = Math.min(Evaluator.BATCH, n - from);
            float[] predicted = network.forward(feeder.batch(order, from, size).input, false).reshape((long) size * width).toFloatVector();
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < width; j++) {
                    values.add(j, loss.prediction(predicted[i * width + j]), data.target(from + i, j));
                }
                values.example();
            }
        }
        return values;
    }

    /** Accumulates predictions batch by batch in double precision; one pass, no stored arrays. */
    public static final class Accumulator {
        private final int width;
        private final double[] sum, sumSquares, squaredError, absoluteError;
        private long count;
        private long right, answers;
        private boolean binary = true;

        public Accumulator(int width) {
            this.width = width;
            sum = new double[width];
            sumSquares = new double[width];
            squaredError = new double[width];
            absoluteError = new double[width];
        }

        public void add(int column, double predicted, double actual) {
            double e = predicted - actual;
            sum[column] += actual;
            sumSquares[column] += actual * actual;
            squaredError[column] += e * e;
            absoluteError[column] += Math.abs(e);
            binary &= actual == 0 || actual == 1;
            answers++;
            if ((predicted > 0.5) == (actual == 1)) right++;
        }

        /** Call once per example after its columns were added. */
        public void example() {
            count++;
        }

        /** The figures of each target column on its own, for tables with several targets. */
        public java.util.List<RegressionMetrics> perColumn() {
            java.util.List<RegressionMetrics> out = new java.util.ArrayList<>();
            for (int j = 0; j < width; j++) {
                double total = sumSquares[j] - sum[j] * sum[j] / count;
                double r2 = total > 1e-12 ? 1 - squaredError[j] / total : squaredError[j] < 1e-12 ? 1 : 0;
                out.add(new RegressionMetrics(squaredError[j] / count, absoluteError[j] / count, r2, null));
            }
            return out;
        }

        public RegressionMetrics result() {
            double mse = 0, mae = 0, r2 = 0;
            for (int j = 0; j < width; j++) {
                mse += squaredError[j] / count;
                mae += absoluteError[j] / count;
                double total = sumSquares[j] - sum[j] * sum[j] / count;
                // A constant target: R² is 1 when it is hit exactly, else undefined; report 0 as scikit-learn does.
                r2 += total > 1e-12 ? 1 - squaredError[j] / total : squaredError[j] < 1e-12 ? 1 : 0;
            }
            return new RegressionMetrics(mse / width, mae / width, r2 / width,
                    binary && answers > 0 ? (double) right / answers : null);
        }
    }
}
