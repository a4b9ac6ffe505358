package nn.stdlib.layer;

import nn.api.graph.Shape;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first convolution's gradients from patch rows and one GEMM equal those of im2col and
 * per-example products, for padding, strides and dilation, with and without a bias, on float
 * batches. ChannelsLastTest checks both against finite differences in double precision,
 * "same" windows included (where im2col is wrong).
 */
class PatchRowGradientsTest {

    private static void assertSameAsIm2col(SlidingWindow window, int height, int width, int filters, boolean bias) {
        int n = 3;
        Shape input = Shape.of(1, height, width);
        Shape output = Shape.of(filters, window.outputSize(height), window.outputSize(width));
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, height, width, 1);
        INDArray gy = Nd4j.rand(DataType.FLOAT, n, output.dim(1), output.dim(2), filters).subi(0.5);
        assertTrue(PatchRowGradients.applies(x, gy), "the patch-row path must be the one tested");

        INDArray rowsW = Nd4j.create(DataType.FLOAT, filters, 1, window.kernel(), window.kernel());
        INDArray im2colW = rowsW.like();
        INDArray rowsB = bias ? Nd4j.create(DataType.FLOAT, filters) : null;
        INDArray im2colB = bias ? rowsB.like() : null;
        new FirstLayerGradients(input, output, window, true, true).backward(x, gy, rowsW, rowsB);
        new FirstLayerGradients(input, output, window, true, false).backward(x, gy, im2colW, im2colB);

        assertClose(im2colW, rowsW, window + " weights");
        if (bias) assertClose(im2colB, rowsB, window + " biases");
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = expected.amaxNumber().doubleValue();
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(scale > 0, what + ": no gradient");
        assertTrue(diff <= 1e-5 * scale, what + " differ by " + diff + " (largest " + scale + ")");
    }

    @Test
    void paddedThreeByThreeAsInTheLectureCnn() {
        assertSameAsIm2col(new SlidingWindow(3, 1, 1, false, 1), 28, 28, 32, true);
    }

    @Test
    void noPaddingWithStrideTwoAndNoBias() {
        assertSameAsIm2col(new SlidingWindow(3, 2, 0, false, 1), 11, 9, 4, false);
    }

    @Test
    void dilatedKernel() {
        assertSameAsIm2col(new SlidingWindow(3, 1, 2, false, 2), 10, 10, 3, true);
    }
}
