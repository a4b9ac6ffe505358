package nn.cli.bench;

import java.util.Arrays;

/** Medians: the shared machine is noisy, and one slow round should not move a figure. */
final class Median {
    private Median() {
    }

    static double of(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
