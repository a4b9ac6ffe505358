package nn.stdlib.layer;

import nn.api.graph.Shape;
import nn.api.runtime.BatchBuffers;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weight and bias gradients of a convolution whose input gradient nobody reads (it reads
 * the data batch): im2col of the input, one batched GEMM against the output gradient, a sum
 * over the batch. libnd4j's conv2d_bp would also compute the input gradient, which for the
 * lecture's first layer (one input channel) costs more than the rest of the layer's backward.
 */
final class FirstLayerGradients {
    private final int filters;
    private final long patch;
    private final long positions;
    private final boolean channelsLast;
    private final NativeOp im2col;
    private final NativeOp products;
    private final NativeOp columnSums;
    private final BatchBuffers columns;
    private final BatchBuffers perExample;
    private final BatchBuffers ones;
    private INDArray filledOnes;
    /** Gradients through one GEMM of patch rows gathered in Java; null for channels-first batches. */
    private final PatchRowGradients patchRows;

    FirstLayerGradients(Shape input, Shape output, SlidingWindow window, boolean channelsLast) {
        this(input, output, window, channelsLast, channelsLast);
    }

    /** @param patchRows false keeps every batch on im2col (for comparing the two paths) */
    FirstLayerGradients(Shape input, Shape output, SlidingWindow window, boolean channelsLast, boolean patchRows) {
        int k = window.kernel();
        this.filters = output.dim(0);
        this.patch = (long) input.dim(0) * k * k;
        this.positions = (long) output.dim(1) * output.dim(2);
        this.channelsLast = channelsLast;
        this.im2col = new NativeOp("im2col", window.nativeArgs());
        // [filters, positions] x [positions, patch] per example; channels-last output gradients
        // are [positions, filters], so the first operand is transposed.
        this.products = NativeOp.gemm(channelsLast, true);
        this.columnSums = NativeOp.gemm(false, false);
        this.columns = new BatchBuffers(input.dim(0), k, k, output.dim(1), output.dim(2));
        this.perExample = new BatchBuffers(filters, patch);
        this.ones = new BatchBuffers(positions);
        this.patchRows = channelsLast && patchRows ? new PatchRowGradients(input, output, window) : null;
    }

    /**
     * Channels-last batches of one channel go through patch rows. Channels-first ones go through
     * im2col, except "same" windows: libnd4j's im2col pads those otherwise than its conv2d does
     * when the padding is odd (the weight gradients failed a finite-difference check), so they
     * keep conv2d_bp.
     */
    static boolean applies(int groups, int channels, boolean channelsLast, SlidingWindow window) {
        return groups == 1 && (channelsLast ? channels == 1 : !window.same());
    }

    /** Overwrites weightGrad ([filters, channels, k, k]) and biasGrad ([filters], may be null). */
    void backward(INDArray input, INDArray gradOutput, INDArray weightGrad, INDArray biasGrad) {
        if (patchRows != null && PatchRowGradients.applies(input, gradOutput)) {
            patchRows.backward(input, gradOutput, weightGrad, biasGrad);
            return;
        }
        long n = input.size(0);
        INDArray images = channelsLast ? input.reshape('c', n, 1, input.size(1), input.size(2)) : input;
        INDArray cols = columns.get(n, input.dataType());
        im2col.run(new INDArray[]{images}, cols);
        INDArray grads = channelsLast ? gradOutput.reshape('c', n, positions, filters)
                : gradOutput.reshape('c', n, filters, positions);
        INDArray each = perExample.get(n, input.dataType());
        products.run(new INDArray[]{grads, cols.reshape('c', n, patch, positions)}, each);
        each.sum(weightGrad.reshape('c', filters, patch), 0);
        if (biasGrad != null) {
            if (channelsLast) biasGradient(gradOutput, biasGrad, n);
            else gradOutput.sum(biasGrad, 0, 2, 3);
        }
    }

    /**
     * The bias gradient of a channels-last output gradient: the column sums of [n * positions,
     * filters], as a row of ones times the matrix. ND4J's sum along that axis took 7.6 ms here
     * for the lecture's first layer, the GEMM 1.1 ms.
     */
    private void biasGradient(INDArray gradOutput, INDArray biasGrad, long n) {
        INDArray row = ones.get(n, gradOutput.dataType());
        if (row != filledOnes) {
            row.assign(1);
            filledOnes = row;
        }
        columnSums.run(new INDArray[]{row.reshape('c', 1, n * positions), gradOutput.reshape('c', n * positions, filters)},
                biasGrad.reshape('c', 1, filters));
    }
}
