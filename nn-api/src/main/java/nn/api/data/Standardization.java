package nn.api.data;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;

/**
 * Per-feature standardisation of a table: feature j becomes (x - mean[j]) / std[j]. Computed on
 * the training split only (so the test split says nothing about it) and stored in the checkpoint.
 * A constant column gets std 1, so it becomes 0 rather than a division by zero.
 */
public record Standardization(@JsonProperty("mean") double[] mean, @JsonProperty("std") double[] std) {

    public Standardization {
        if (mean == null || std == null || mean.length != std.length) {
            throw new IllegalArgumentException("standardisation needs as many means as stds");
        }
        mean = mean.clone();
        std = std.clone();
        for (int j = 0; j < std.length; j++) {
            if (!(std[j] > 0) || !Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("standardisation of feature " + j + ": std must be > 0 and mean finite");
            }
        }
    }

    /** Mean 0, std 1: leaves `features` values as they are. */
    public static Standardization identity(int features) {
        double[] ones = new double[features];
        Arrays.fill(ones, 1);
        return new Standardization(new double[features], ones);
    }

    /** Mean and (population) std of each of the `features` columns of row-major `rows`. */
    public static Standardization fit(float[] rows, int features) {
        Fit fit = new Fit(features);
        int n = features == 0 ? 0 : rows.length / features;
        for (int i = 0; i < n; i++) fit.add(rows, i * features);
        return fit.result();
    }

    /**
     * {@link #fit} a row at a time, for readers that see every training row but keep only some:
     * the same arithmetic in the same order, so the result is the same to the last bit.
     */
    public static final class Fit {
        private final int features;
        private final double[] mean;
        private final double[] m2;
        private long n;

        public Fit(int features) {
            this.features = features;
            this.mean = new double[features];
            this.m2 = new double[features];
        }

        /** Adds the row row[from .. from+features). */
        public void add(float[] row, int from) {
            // Welford's update: one pass, no catastrophic cancellation on large offsets.
            for (int j = 0; j < features; j++) {
                double x = row[from + j];
                double delta = x - mean[j];
                mean[j] += delta / (n + 1);
                m2[j] += delta * (x - mean[j]);
            }
            n++;
        }

        public Standardization result() {
            double[] std = new double[features];
            for (int j = 0; j < features; j++) {
                double s = n == 0 ? 0 : Math.sqrt(m2[j] / n);
                std[j] = s > 1e-12 ? s : 1;
            }
            return new Standardization(mean, std);
        }
    }

    public int features() {
        return mean.length;
    }

    /** Standardises raw[from .. from+features) into out[to ..). */
    public void apply(float[] raw, int from, float[] out, int to) {
        for (int j = 0; j < mean.length; j++) out[to + j] = (float) ((raw[from + j] - mean[j]) / std[j]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardization s && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Standardization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
