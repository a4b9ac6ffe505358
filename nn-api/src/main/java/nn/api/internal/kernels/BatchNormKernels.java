package nn.api.internal.kernels;

/**
 * Batch normalisation's loops over a batch held in a Java float array, laid out as
 * [outer, channels, inner]: channels-last images and [batch, features] rows have inner = 1
 * (the channel is the innermost index, so each loop over a row of channels vectorises), and
 * channels-first images have outer = batch and inner = height × width. Training costs two passes
 * forward (statistics, then y = a·x + b) and two backward (two sums, then dx = a·g + b·x + c),
 * where ND4J's broadcast and reduction ops took six and seven, its column reductions being the
 * slowest of them.
 *
 * <p>Sums are taken in float over short blocks and carried in double, and the statistics of
 * values shifted by each channel's first value, so the variance stays accurate when the mean
 * is large beside the spread.
 */
public final class BatchNormKernels {
    /** Rows (channels-last) summed in float before the partial sums move into double. */
    private static final int BLOCK = 64;

    private BatchNormKernels() {
    }

    /**
     * Per channel c, mean[c] and the biased variance var[c] of the n values of x (n a multiple of
     * channels × inner) that belong to c.
     */
    public static void statistics(float[] x, int n, int channels, int inner, double[] mean, double[] var) {
        float[] shift = new float[channels];
        for (int c = 0; c < channels; c++) shift[c] = x[c * inner];
        double[] s1 = new double[channels], s2 = new double[channels];
        if (inner == 1) {
            float[] p1 = new float[channels], p2 = new float[channels];
            int rows = n / channels;
            for (int r0 = 0; r0 < rows; r0 += BLOCK) {
                int r1 = Math.min(rows, r0 + BLOCK);
                java.util.Arrays.fill(p1, 0f);
                java.util.Arrays.fill(p2, 0f);
                for (int r = r0; r < r1; r++) {
                    int at = r * channels;
                    for (int c = 0; c < channels; c++) {
                        float d = x[at + c] - shift[c];
                        p1[c] += d;
                        p2[c] += d * d;
                    }
                }
                for (int c = 0; c < channels; c++) {
                    s1[c] += p1[c];
                    s2[c] += p2[c];
                }
            }
        } else {
            for (int at = 0, c = 0; at < n; at += inner, c = (c + 1) % channels) {
                float k = shift[c], p1 = 0f, p2 = 0f;
                for (int i = at; i < at + inner; i++) {
                    float d = x[i] - k;
                    p1 += d;
                    p2 += d * d;
                }
                s1[c] += p1;
                s2[c] += p2;
            }
        }
        double count = (double) n / channels;
        for (int c = 0; c < channels; c++) {
            double m = s1[c] / count;
            mean[c] = shift[c] + m;
            var[c] = Math.max(0, s2[c] / count - m * m);
        }
    }

    /** y = a[c] · x + b[c] for every value of channel c (y may be x). */
    public static void affine(float[] x, float[] y, int n, int channels, int inner, float[] a, float[] b) {
        if (inner == 1) {
            for (int at = 0; at < n; at += channels) {
                for (int c = 0; c < channels; c++) y[at + c] = a[c] * x[at + c] + b[c];
            }
        } else {
            for (int at = 0, c = 0; at < n; at += inner, c = (c + 1) % channels) {
                float ac = a[c], bc = b[c];
                for (int i = at; i < at + inner; i++) y[i] = ac * x[i] + bc;
            }
        }
    }

    /** Per channel c, sumG[c] = Σ g and sumGX[c] = Σ g · (x - mean[c]) over c's values. */
    public static void gradientSums(float[] g, float[] x, int n, int channels, int inner, float[] mean,
                                    double[] sumG, double[] sumGX) {
        java.util.Arrays.fill(sumG, 0, channels, 0);
        java.util.Arrays.fill(sumGX, 0, channels, 0);
        if (inner == 1) {
            float[] p1 = new float[channels], p2 = new float[channels];
            int rows = n / channels;
            for (int r0 = 0; r0 < rows; r0 += BLOCK) {
                int r1 = Math.min(rows, r0 + BLOCK);
                java.util.Arrays.fill(p1, 0f);
                java.util.Arrays.fill(p2, 0f);
                for (int r = r0; r < r1; r++) {
                    int at = r * channels;
                    for (int c = 0; c < channels; c++) {
                        float gv = g[at + c];
                        p1[c] += gv;
                        p2[c] += gv * (x[at + c] - mean[c]);
                    }
                }
                for (int c = 0; c < channels; c++) {
                    sumG[c] += p1[c];
                    sumGX[c] += p2[c];
                }
            }
        } else {
            for (int at = 0, c = 0; at < n; at += inner, c = (c + 1) % channels) {
                float m = mean[c], p1 = 0f, p2 = 0f;
                for (int i = at; i < at + inner; i++) {
                    p1 += g[i];
                    p2 += g[i] * (x[i] - m);
                }
                sumG[c] += p1;
                sumGX[c] += p2;
            }
        }
    }

    /** out = a[c] · g + b[c] · (x - mean[c]) + d[c] for every value of channel c (out may be g). */
    public static void combine(float[] g, float[] x, float[] out, int n, int channels, int inner, float[] mean,
                               float[] a, float[] b, float[] d) {
        if (inner == 1) {
            for (int at = 0; at < n; at += channels) {
                for (int c = 0; c < channels; c++) {
                    out[at + c] = a[c] * g[at + c] + b[c] * (x[at + c] - mean[c]) + d[c];
                }
            }
        } else {
            for (int at = 0, c = 0; at < n; at += inner, c = (c + 1) % channels) {
                float ac = a[c], bc = b[c], dc = d[c], m = mean[c];
                for (int i = at; i < at + inner; i++) out[i] = ac * g[i] + bc * (x[i] - m) + dc;
            }
        }
    }
}
