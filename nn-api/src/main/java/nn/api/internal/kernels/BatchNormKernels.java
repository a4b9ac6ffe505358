package nn.api.internal.kernels;

import java.util.Arrays;

/**
 * Batch normalisation's loops over chunks of a batch copied into Java float arrays, laid out as
 * [outer, channels, inner]: channels-last images and [batch, features] rows have inner = 1,
 * channels-first images inner = height × width. Training costs two passes forward (statistics,
 * then y = a·x + b) and two backward (two sums, then dx = a·g + b·(x − mean) + d), where ND4J's
 * broadcast and reduction ops took six and seven.
 *
 * <p>Every pass is one flat loop over the chunk in which each array is read at the same index k:
 * per-channel values are first {@link #spread} over a chunk-long array, and sums go into
 * chunk-long lanes that {@link #fold} adds up per channel. HotSpot's C2 (Java 17) vectorises a
 * loop only when its arrays share one index, and a short inner loop over a row's 32 channels
 * runs mostly in its scalar pre- and post-loops. Measured on a loaded machine (32 channels, ns a
 * value, row-by-row loops this replaced against flat ones): affine 2.1 against 0.45, combine 4.4
 * against 0.9, moments 2.6 against 1.5 (docs/performance.md).
 *
 * <p>Sums stay accurate when the mean is large beside the spread: values are shifted by each
 * channel's first value, and a lane holds at most {@link #FOLD_EVERY} values in float before it
 * moves into double.
 */
public final class BatchNormKernels {
    /** Chunks a lane sums in float before {@link #fold} moves it into double. */
    public static final int FOLD_EVERY = 64;

    private BatchNormKernels() {
    }

    /**
     * out[k] = perChannel[c] for k below n, c = (k / inner) mod channels: the channel of value k
     * in a chunk that starts at a row (inner = 1) or at an example.
     */
    public static void spread(float[] perChannel, int channels, int inner, float[] out, int n) {
        if (inner == 1) {
            for (int at = 0; at < n; at += channels) System.arraycopy(perChannel, 0, out, at, Math.min(channels, n - at));
        } else {
            for (int at = 0, c = 0; at < n; at += inner, c = (c + 1) % channels) {
                Arrays.fill(out, at, Math.min(n, at + inner), perChannel[c]);
            }
        }
    }

    /** s[c] += the sum of the lanes p[k] of channel c, k below n (laid out as {@link #spread}'s); then p[0, n) = 0. */
    public static void fold(float[] p, int n, int channels, int inner, double[] s) {
        if (inner == 1) {
            for (int at = 0; at < n; at += channels) {
                for (int c = 0, end = Math.min(channels, n - at); c < end; c++) s[c] += p[at + c];
            }
        } else {
            for (int at = 0, c = 0; at < n; at += inner, c = (c + 1) % channels) {
                double sum = 0;
                for (int k = at, end = Math.min(n, at + inner); k < end; k++) sum += p[k];
                s[c] += sum;
            }
        }
        Arrays.fill(p, 0, n, 0f);
    }

    /** p1[k] += x[k] - shift[k] and p2[k] += (x[k] - shift[k])² for k below n. */
    public static void addMoments(float[] x, int n, float[] shift, float[] p1, float[] p2) {
        for (int k = 0; k < n; k++) {
            float d = x[k] - shift[k];
            p1[k] += d;
            p2[k] += d * d;
        }
    }

    /** x[k] = a[k] · x[k] + b[k] for k below n (in place). */
    public static void affine(float[] x, int n, float[] a, float[] b) {
        for (int k = 0; k < n; k++) x[k] = a[k] * x[k] + b[k];
    }

    /** p1[k] += g[k] and p2[k] += g[k] · (x[k] - mean[k]) for k below n. */
    public static void addGradientSums(float[] g, float[] x, int n, float[] mean, float[] p1, float[] p2) {
        for (int k = 0; k < n; k++) {
            float gv = g[k];
            p1[k] += gv;
            p2[k] += gv * (x[k] - mean[k]);
        }
    }

    /** g[k] = a[k] · g[k] + b[k] · (x[k] - mean[k]) + d[k] for k below n (in place). */
    public static void combine(float[] g, float[] x, int n, float[] mean, float[] a, float[] b, float[] d) {
        for (int k = 0; k < n; k++) g[k] = a[k] * g[k] + b[k] * (x[k] - mean[k]) + d[k];
    }

    /** g[k] += b[k] · (x[k] - mean[k]) + d[k] for k below n (in place). */
    public static void addCentred(float[] g, float[] x, int n, float[] mean, float[] b, float[] d) {
        for (int k = 0; k < n; k++) g[k] += b[k] * (x[k] - mean[k]) + d[k];
    }
}
