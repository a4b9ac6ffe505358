package nn.stdlib.layer;

import nn.api.graph.Shape;
import nn.api.internal.kernels.HostKernels;
import nn.api.runtime.BatchBuffers;
import nn.api.runtime.StepMemory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.FloatBuffer;

/**
 * The weight and bias gradients of a one-channel convolution over a channels-last batch,
 * as one GEMM: every output position's input patch becomes a row with a trailing 1, so
 * [taps + 1, n * positions] x [n * positions, filters] holds the weight gradient (transposed) in
 * its first taps rows and the bias gradient in the last; the output gradient, the larger
 * operand, is read as it lies (transposing it instead cost 2.23 against 1.53 ms a step for the
 * lecture's first layer). The rows are gathered in Java through a
 * table made once; libnd4j's im2col for the same rows cost more than the GEMM, and its
 * per-example products then needed a sum over the batch and a GEMM of their own for the bias.
 */
final class PatchRowGradients {
    private final int pixels;
    private final int positions;
    private final int filters;
    private final int taps;
    private final int rowLength;
    /** For each value of one example's rows: the pixel it copies, or {@link #ZERO} (padding) or {@link #ONE}. */
    private final int[] source;
    private final BatchBuffers rows;
    private final MatrixProduct product = new MatrixProduct(true, false);
    private INDArray sums;
    private float[] image;
    private float[] exampleRows;

    private static final int ZERO = -1;
    private static final int ONE = -2;

    PatchRowGradients(Shape input, Shape output, SlidingWindow window) {
        int height = input.dim(1), width = input.dim(2), outHeight = output.dim(1), outWidth = output.dim(2);
        int k = window.kernel();
        this.pixels = height * width;
        this.filters = output.dim(0);
        this.taps = k * k;
        this.rowLength = taps + 1;
        int top = window.leadingPadding(height), left = window.leadingPadding(width);
        this.positions = outHeight * outWidth;
        this.source = new int[positions * rowLength];
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                int row = (oy * outWidth + ox) * rowLength;
                for (int ky = 0; ky < k; ky++) {
                    int iy = oy * window.stride() - top + ky * window.dilation();
                    for (int kx = 0; kx < k; kx++) {
                        int ix = ox * window.stride() - left + kx * window.dilation();
                        boolean inside = iy >= 0 && iy < height && ix >= 0 && ix < width;
                        source[row + ky * k + kx] = inside ? iy * width + ix : ZERO;
                    }
                }
                source[row + taps] = ONE;
            }
        }
        this.rows = new BatchBuffers(positions, rowLength);
    }

    /** Float or double batches in C order, contiguous (as data batches are). */
    static boolean applies(INDArray input, INDArray gradOutput) {
        return input.dataType() == gradOutput.dataType() && plain(input) && plain(gradOutput);
    }

    private static boolean plain(INDArray a) {
        boolean real = a.dataType() == DataType.FLOAT || a.dataType() == DataType.DOUBLE;
        return real && a.ordering() == 'c' && a.elementWiseStride() == 1;
    }

    /** Overwrites weightGrad ([filters, 1, k, k]) and biasGrad ([filters], may be null). */
    void backward(INDArray input, INDArray gradOutput, INDArray weightGrad, INDArray biasGrad) {
        int n = Math.toIntExact(input.size(0));
        DataType type = input.dataType();
        INDArray patchRows = rows.get(n, type);
        if (HostKernels.applies(input, patchRows)) gatherFloats(input, patchRows, n);
        else gatherAnyMemory(input, patchRows, n);
        if (sums == null || sums.dataType() != type) sums = StepMemory.outside(() -> Nd4j.create(type, rowLength, filters));
        long rowCount = (long) n * positions;
        INDArray gradRows = gradOutput.reshape('c', rowCount, filters);
        product.run(filters * rowCount * rowLength, patchRows.reshape('c', rowCount, rowLength), gradRows, sums);
        weightGrad.assign(sums.get(NDArrayIndex.interval(0, taps), NDArrayIndex.all()).transpose().reshape(weightGrad.shape()));
        if (biasGrad != null) biasGrad.assign(sums.getRow(taps).reshape(biasGrad.shape()));
    }

    private void gatherFloats(INDArray input, INDArray patchRows, int n) {
        if (image == null) {
            image = new float[pixels];
            exampleRows = new float[source.length];
        }
        FloatBuffer in = HostKernels.values(input), out = HostKernels.values(patchRows);
        for (int e = 0; e < n; e++) {
            in.get(e * pixels, image, 0, pixels);
            for (int i = 0; i < source.length; i++) {
                int s = source[i];
                exampleRows[i] = s >= 0 ? image[s] : (s == ONE ? 1f : 0f);
            }
            out.put(e * source.length, exampleRows, 0, source.length);
        }
    }

    /** Double batches (the gradient checks') and device memory: through ND4J's copies. */
    private void gatherAnyMemory(INDArray input, INDArray patchRows, int n) {
        double[] x = input.data().getDoublesAt(input.offset(), Math.toIntExact(input.length()));
        double[] all = new double[n * source.length];
        for (int e = 0; e < n; e++) {
            for (int i = 0; i < source.length; i++) {
                int s = source[i];
                all[e * source.length + i] = s >= 0 ? x[e * pixels + s] : (s == ONE ? 1 : 0);
            }
        }
        patchRows.assign(Nd4j.createFromArray(all).reshape(patchRows.shape()).castTo(patchRows.dataType()));
    }
}
