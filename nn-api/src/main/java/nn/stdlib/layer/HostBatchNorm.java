package nn.stdlib.layer;

import nn.api.internal.kernels.BatchNormKernels;
import nn.api.internal.kernels.HostKernels;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link BatchNorm}'s float32 path on a backend whose memory is the host's: the batch is copied
 * into a Java array once, normalised in two passes and its gradient taken in two
 * ({@link BatchNormKernels}), where ND4J's broadcast and reduction ops took six forward and
 * seven backward. The copied input stays here for the backward pass, so the layer keeps no
 * normalised copy of the batch.
 */
final class HostBatchNorm {
    private final int channels;
    /** Values of one channel that follow each other: 1 channels-last or per feature, h × w channels-first. */
    private final int inner;
    private float[] input = new float[0], work = new float[0];
    private final float[] mean, invStd, a, b, d, small;
    private final double[] batchMean, batchVar, sumG, sumGX;
    private long count;
    private boolean training;

    HostBatchNorm(int channels, int inner) {
        this.channels = channels;
        this.inner = inner;
        mean = new float[channels];
        invStd = new float[channels];
        a = new float[channels];
        b = new float[channels];
        d = new float[channels];
        small = new float[channels];
        batchMean = new double[channels];
        batchVar = new double[channels];
        sumG = new double[channels];
        sumGX = new double[channels];
    }

    /** True when every array is float32, contiguous and in host memory. */
    static boolean applies(INDArray... arrays) {
        return HostKernels.applies(arrays);
    }

    /** y = gamma · x̂ + beta; in training with the batch's statistics, which also move the running ones. */
    void forward(INDArray x, INDArray y, boolean training, INDArray gamma, INDArray beta,
                 INDArray runningMean, INDArray runningVar, double momentum, double eps) {
        this.training = training;
        int n = Math.toIntExact(x.length());
        if (input.length < n) {
            input = new float[n];
            work = new float[n];
        }
        HostKernels.copyIn(x, input);
        count = n / channels;
        if (training) {
            BatchNormKernels.statistics(input, n, channels, inner, batchMean, batchVar);
            updateRunning(runningMean, runningVar, momentum);
            for (int c = 0; c < channels; c++) {
                mean[c] = (float) batchMean[c];
                invStd[c] = (float) (1 / Math.sqrt(batchVar[c] + eps));
            }
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
        BatchNormKernels.affine(input, work, n, channels, inner, a, b);
        HostKernels.copyOut(work, y);
    }

    /** PyTorch's rule: running = (1 - momentum) · running + momentum · batch, the variance unbiased. */
    private void updateRunning(INDArray runningMean, INDArray runningVar, double momentum) {
        double unbiased = count > 1 ? (double) count / (count - 1) : 1;
        HostKernels.copyIn(runningMean, small);
        for (int c = 0; c < channels; c++) small[c] = (float) ((1 - momentum) * small[c] + momentum * batchMean[c]);
        HostKernels.copyOut(small, runningMean);
        HostKernels.copyIn(runningVar, small);
        for (int c = 0; c < channels; c++) {
            small[c] = (float) ((1 - momentum) * small[c] + momentum * unbiased * batchVar[c]);
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
        int n = Math.toIntExact(g.length());
        HostKernels.copyIn(g, work);
        BatchNormKernels.gradientSums(work, input, n, channels, inner, mean, sumG, sumGX);
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
        BatchNormKernels.combine(work, input, work, n, channels, inner, mean, a, b, d);
        HostKernels.copyOut(work, dx);
    }
}
