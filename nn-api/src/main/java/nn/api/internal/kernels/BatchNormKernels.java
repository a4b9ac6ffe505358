package nn.api.internal.kernels;

/**
 * Batch normalisation's loops over chunks of a batch copied into Java float arrays, laid out as
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

    /** Per-thread block sums, so the kernels, called once per chunk, leave no garbage. */
    private static final class Partials {
        private float[] first = new float[0], second = new float[0];

        float[] first(int n) {
            if (first.length < n) first = new float[n];
            return first;
        }

        float[] second(int n) {
            if (second.length < n) second = new float[n];
            return second;
        }
    }

    private static final ThreadLocal<Partials> PARTIALS = ThreadLocal.withInitial(Partials::new);

    /**
     * Per channel c, adds Σ (x - shift[c]) and Σ (x - shift[c])² over c's values among x[0, n)
     * (n a multiple of channels × inner) to s1[c] and s2[c].
     */
    public static void addMoments(float[] x, int n, int channels, int inner, float[] shift, double[] s1, double[] s2) {
        if (inner == 1) {
            float[] p1 = PARTIALS.get().first(channels), p2 = PARTIALS.get().second(channels);
            int rows = n / channels;
            for (int r0 = 0; r0 < rows; r0 += BLOCK) {
                int r1 = Math.min(rows, r0 + BLOCK);
                java.util.Arrays.fill(p1, 0, channels, 0f);
                java.util.Arrays.fill(p2, 0, channels, 0f);
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
    }

    /** x[k] = a[c] · x[k] + b[c] for k below n, c the channel of value k (in place). */
    public static void affine(float[] x, int n, int channels, int inner, float[] a, float[] b) {
        if (inner == 1) {
            for (int at = 0; at < n; at += channels) {
                for (int c = 0; c < channels; c++) x[at + c] = a[c] * x[at + c] + b[c];
            }
        } else {
            for (int at = 0, c = 0; at < n; at += inner, c = (c + 1) % channels) {
                float ac = a[c], bc = b[c];
                for (int i = at; i < at + inner; i++) x[i] = ac * x[i] + bc;
            }
        }
    }

    /**
     * Per channel c, adds Σ g and Σ g · (x - mean[c]) over c's values among g[0, n) and
     * x[0, n) to sumG[c] and sumGX[c].
     */
    public static void gradientSums(float[] g, float[] x, int n, int channels, int inner, float[] mean,
                                    double[] sumG, double[] sumGX) {
        if (inner == 1) {
            float[] p1 = PARTIALS.get().first(channels), p2 = PARTIALS.get().second(channels);
            int rows = n / channels;
            for (int r0 = 0; r0 < rows; r0 += BLOCK) {
                int r1 = Math.min(rows, r0 + BLOCK);
                java.util.Arrays.fill(p1, 0, channels, 0f);
                java.util.Arrays.fill(p2, 0, channels, 0f);
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

    /** g[k] = a[c] · g[k] + b[c] · (x[k] - mean[c]) + d[c] for k below n, c the channel of value k. */
    public static void combine(float[] g, float[] x, int n, int channels, int inner, float[] mean,
                               float[] a, float[] b, float[] d) {
        if (inner == 1) {
            for (int at = 0; at < n; at += channels) {
                for (int c = 0; c < channels; c++) {
                    g[at + c] = a[c] * g[at + c] + b[c] * (x[at + c] - mean[c]) + d[c];
                }
            }
        } else {
            for (int at = 0, c = 0; at < n; at += inner, c = (c + 1) % channels) {
                float ac = a[c], bc = b[c], dc = d[c], m = mean[c];
                for (int i = at; i < at + inner; i++) g[i] = ac * g[i] + bc * (x[i] - m) + dc;
            }
        }
    }
}
