package nn.stdlib.layer;

import nn.api.internal.kernels.BatchNormKernels;
import nn.api.internal.kernels.HostKernels;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;

/**
 * {@link BatchNorm}'s float32 path on a backend whose memory is the host's: two passes over the
 * batch forward (statistics, then y = a·x + b) and two backward (Σg and Σg·x̂, then the input
 * gradient), in Java loops ({@link BatchNormKernels}) over chunks copied in and out that stay in
 * the L2 cache, where ND4J's broadcast and reduction ops took six passes forward and seven
 * backward. Per-channel coefficients are spread over chunk-long arrays once a call, so each pass
 * is a flat loop the JIT vectorises. Like conv2d and dense it keeps a reference to its input for
 * the backward pass (valid until the layer before runs forward again), so it keeps no normalised
 * copy.
 */
final class HostBatchNorm {
    private final int channels;
    /** Values of one channel that follow each other: 1 channels-last or per feature, h × w channels-first. */
    private final int inner;
    /** A chunk starts a row of channels (channels-last) or an example (channels-first). */
    private final int chunk;
    /** Chunks of the output gradient (or output) and of the input. */
    private final float[] work, xs;
    /** Per-channel values spread over a chunk (BatchNormKernels.spread), and the sums' lanes. */
    private final float[] spreadA, spreadB, spreadD, spreadMean, lanes1, lanes2;
    private final float[] mean, invStd, a, b, d, small;
    private final double[] s1, s2;
    private INDArray lastInput;
    private long count;
    private boolean training;

    /** @param perExample values of one example (channels × inner) */
    HostBatchNorm(int channels, int inner, int perExample) {
        this.channels = channels;
        this.inner = inner;
        int group = inner == 1 ? channels : perExample;
        this.chunk = HostKernels.chunkOf(group); // its eight chunk-long arrays stay within the L2 cache
        work = new float[chunk];
        xs = new float[chunk];
        spreadA = new float[chunk];
        spreadB = new float[chunk];
        spreadD = new float[chunk];
        spreadMean = new float[chunk];
        lanes1 = new float[chunk];
        lanes2 = new float[chunk];
        mean = new float[channels];
        invStd = new float[channels];
        a = new float[channels];
        b = new float[channels];
        d = new float[channels];
        small = new float[channels];
        s1 = new double[channels];
        s2 = new double[channels];
    }

    /** True when every array is float32, contiguous and in host memory. */
    static boolean applies(INDArray... arrays) {
        return HostKernels.applies(arrays);
    }

    /** y = gamma · x̂ + beta; in training with the batch's statistics, which also move the running ones. */
    void forward(INDArray x, INDArray y, boolean training, INDArray gamma, INDArray beta,
                 INDArray runningMean, INDArray runningVar, double momentum, double eps) {
        scaleAndShift(x, training, gamma, beta, runningMean, runningVar, eps);
        if (training) updateRunning(runningMean, runningVar, momentum);
        affine(x, y);
    }

    /**
     * The statistics of x (the batch's in training, else the running ones) and from them each
     * channel's y = a·x + b; x is kept for the backward pass. Moves no running statistic.
     */
    void scaleAndShift(INDArray x, boolean training, INDArray gamma, INDArray beta,
                       INDArray runningMean, INDArray runningVar, double eps) {
        this.training = training;
        lastInput = x;
        int n = Math.toIntExact(x.length());
        count = n / channels;
        if (training) {
            batchStatistics(x, n, eps);
        } else {
            HostKernels.copyIn(runningMean, mean);
            HostKernels.copyIn(runningVar, small);
            for (int c = 0; c < channels; c++) invStd[c] = (float) (1 / Math.sqrt(small[c] + eps));
        }
        HostKernels.copyIn(gamma, a);
        HostKernels.copyIn(beta, b);
        for (int c = 0; c < channels; c++) {
            a[c] *= invStd[c];
            b[c] -= mean[c] * a[c];
        }
    }

    /** True when every channel's scale a is above zero, so y = a·x + b keeps the order of x's values. */
    boolean keepsOrder() {
        for (int c = 0; c < channels; c++) if (!(a[c] > 0)) return false;
        return true;
    }

    /** True when a chunk of any length holds whole rows of channels (channels-last or features). */
    boolean rowsOfChannels() {
        return inner == 1;
    }

    /** out = a·in + b per channel, from the last {@link #scaleAndShift}; in is x or, rows of channels, any batch of them. */
    void affine(INDArray in, INDArray out) {
        int n = Math.toIntExact(in.length());
        spread(a, spreadA, n);
        spread(b, spreadB, n);
        affineChunks(in, out, n);
    }

    /** out = spreadA·in + spreadB, chunk by chunk, the spreads already filled for n values. */
    private void affineChunks(INDArray in, INDArray out, int n) {
        FloatBuffer from = HostKernels.values(in), to = HostKernels.values(out);
        for (int at = 0; at < n; at += chunk) {
            int len = Math.min(chunk, n - at);
            from.get(at, work, 0, len);
            BatchNormKernels.affine(work, len, spreadA, spreadB);
            to.put(at, work, 0, len);
        }
    }

    /** mean and invStd from one pass; s1 and s2 keep the batch's mean and biased variance for the running update. */
    private void batchStatistics(INDArray x, int n, double eps) {
        java.util.Arrays.fill(s1, 0);
        java.util.Arrays.fill(s2, 0);
        FloatBuffer in = HostKernels.values(x);
        // Each channel's first value: sums of values shifted by it lose no precision to a large mean.
        for (int c = 0; c < channels; c++) small[c] = in.get(c * inner);
        spread(small, spreadD, n);
        int chunks = 0;
        for (int from = 0; from < n; from += chunk) {
            int len = Math.min(chunk, n - from);
            in.get(from, work, 0, len);
            BatchNormKernels.addMoments(work, len, spreadD, lanes1, lanes2);
            if (++chunks % BatchNormKernels.FOLD_EVERY == 0 || from + len == n) {
                foldLanes(n);
            }
        }
        for (int c = 0; c < channels; c++) {
            double m = s1[c] / count, var = Math.max(0, s2[c] / count - m * m);
            s1[c] = small[c] + m;
            s2[c] = var;
            mean[c] = (float) s1[c];
            invStd[c] = (float) (1 / Math.sqrt(var + eps));
        }
    }

    /** The lanes' sums into s1 and s2 (double), the lanes zeroed. */
    private void foldLanes(int n) {
        int len = Math.min(chunk, n);
        BatchNormKernels.fold(lanes1, len, channels, inner, s1);
        BatchNormKernels.fold(lanes2, len, channels, inner, s2);
    }

    /** Spreads per-channel values over the part of a chunk the batch fills. */
    private void spread(float[] perChannel, float[] target, int n) {
        BatchNormKernels.spread(perChannel, channels, inner, target, Math.min(chunk, n));
    }

    /** PyTorch's rule: running = (1 - momentum) · running + momentum · batch, the variance unbiased. */
    void updateRunning(INDArray runningMean, INDArray runningVar, double momentum) {
        double unbiased = count > 1 ? (double) count / (count - 1) : 1;
        HostKernels.copyIn(runningMean, small);
        for (int c = 0; c < channels; c++) small[c] = (float) ((1 - momentum) * small[c] + momentum * s1[c]);
        HostKernels.copyOut(small, runningMean);
        HostKernels.copyIn(runningVar, small);
        for (int c = 0; c < channels; c++) {
            small[c] = (float) ((1 - momentum) * small[c] + momentum * unbiased * s2[c]);
        }
        HostKernels.copyOut(small, runningVar);
    }

    /** Parameter gradients may sit in any array the trainer chose. */
    private void writeSmall(INDArray target) {
        if (applies(target)) HostKernels.copyOut(small, target);
        else target.assign(Nd4j.createFromArray(small).castTo(target.dataType()));
    }

    /**
     * Writes gamma's and beta's gradients and the input gradient for the last forward call. With
     * batch statistics dx = gamma · invStd · (g - mean(g) - x̂ · mean(g · x̂)), means per channel;
     * with running ones dx = gamma · invStd · g.
     */
    void backward(INDArray g, INDArray dx, INDArray gamma, INDArray gammaGrad, INDArray betaGrad) {
        gradientSums(g, lastInput, gamma, gammaGrad, betaGrad);
        int n = Math.toIntExact(g.length());
        spread(a, spreadA, n);
        spread(b, spreadB, n);
        spread(d, spreadD, n);
        FloatBuffer gIn = HostKernels.values(g), xIn = HostKernels.values(lastInput), out = HostKernels.values(dx);
        for (int from = 0; from < n; from += chunk) {
            int len = Math.min(chunk, n - from);
            gIn.get(from, work, 0, len);
            xIn.get(from, xs, 0, len);
            BatchNormKernels.combine(work, xs, len, spreadMean, spreadA, spreadB, spreadD);
            out.put(from, work, 0, len);
        }
    }

    /**
     * Σg and Σg·(x - mean) per channel over g and the x values it belongs to, which write gamma's
     * and beta's gradients and the coefficients of dx = a·g + b·(x - mean) + d (the last two zero
     * with running statistics). g and x may be any rows of channels that hold every nonzero g,
     * for x's statistics: the counts are the last forward input's.
     */
    void gradientSums(INDArray g, INDArray x, INDArray gamma, INDArray gammaGrad, INDArray betaGrad) {
        int n = Math.toIntExact(g.length());
        double[] sumG = s1, sumGX = s2;
        java.util.Arrays.fill(sumG, 0);
        java.util.Arrays.fill(sumGX, 0);
        spread(mean, spreadMean, n);
        FloatBuffer gIn = HostKernels.values(g), xIn = HostKernels.values(x);
        int chunks = 0;
        for (int from = 0; from < n; from += chunk) {
            int len = Math.min(chunk, n - from);
            gIn.get(from, work, 0, len);
            xIn.get(from, xs, 0, len);
            BatchNormKernels.addGradientSums(work, xs, len, spreadMean, lanes1, lanes2);
            if (++chunks % BatchNormKernels.FOLD_EVERY == 0 || from + len == n) {
                foldLanes(n);
            }
        }
        for (int c = 0; c < channels; c++) small[c] = (float) (sumGX[c] * invStd[c]);
        writeSmall(gammaGrad);
        for (int c = 0; c < channels; c++) small[c] = (float) sumG[c];
        writeSmall(betaGrad);
        HostKernels.copyIn(gamma, small);
        for (int c = 0; c < channels; c++) {
            double scale = (double) small[c] * invStd[c];
            a[c] = (float) scale;
            b[c] = training ? (float) (-scale * invStd[c] * invStd[c] * sumGX[c] / count) : 0f;
            d[c] = training ? (float) (-scale * sumG[c] / count) : 0f;
        }
    }

    /** out = a·g per channel, the coefficients from the last {@link #gradientSums}; g rows of channels. */
    void scaleGradient(INDArray g, INDArray out) {
        int n = Math.toIntExact(g.length());
        spread(a, spreadA, n);
        java.util.Arrays.fill(spreadB, 0, Math.min(chunk, n), 0f); // no shift; addStatisticsTerms spreads b again
        affineChunks(g, out, n);
    }

    /**
     * dx += b·(x - mean) + d over the last forward input x, in place: what the batch statistics
     * add to a gradient dx that already holds a·g (nothing with running statistics).
     */
    void addStatisticsTerms(INDArray dx) {
        if (!training) return;
        int n = Math.toIntExact(dx.length());
        spread(mean, spreadMean, n);
        spread(b, spreadB, n);
        spread(d, spreadD, n);
        FloatBuffer xIn = HostKernels.values(lastInput), values = HostKernels.values(dx);
        for (int from = 0; from < n; from += chunk) {
            int len = Math.min(chunk, n - from);
            values.get(from, work, 0, len);
            xIn.get(from, xs, 0, len);
            BatchNormKernels.addCentred(work, xs, len, spreadMean, spreadB, spreadD);
            values.put(from, work, 0, len);
        }
    }
}
