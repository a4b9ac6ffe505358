package nn.api.internal.kernels;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java kernels give what ND4J's own ops give, on whole arrays and on views into a flat vector. */
class HostKernelsTest {

    static final java.util.Random RNG = new java.util.Random(42);

    static INDArray randn(long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        float[] values = new float[(int) n];
        for (int i = 0; i < values.length; i++) values[i] = (float) RNG.nextGaussian();
        return Nd4j.createFromArray(values).reshape('c', shape);
    }

    /** A [1, n] view at an offset into a larger flat vector, like a bias inside the parameter vector. */
    static INDArray viewAtOffset(int n) {
        INDArray flat = randn(n + 17);
        return flat.get(NDArrayIndex.interval(17, 17 + n)).reshape('c', new long[]{n});
    }

    @Test
    void appliesOnlyToContiguousFloatArrays() {
        assertTrue(HostKernels.applies(randn(3, 4), viewAtOffset(5)));
        assertFalse(HostKernels.applies(Nd4j.create(DataType.DOUBLE, 3, 4)));
        assertFalse(HostKernels.applies(randn(4, 6).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3))));
    }

    @Test
    void addRowVectorMatchesNd4j() {
        INDArray out = randn(5, 7), bias = viewAtOffset(7);
        INDArray expected = out.addRowVector(bias);
        HostKernels.addRowVector(out, bias);
        assertEquals(expected, out);
    }

    /** Many chunks, rows that do not divide a chunk, a last chunk shorter than the rest. */
    @Test
    void addRowVectorAndReluOverManyChunksMatchNd4j() {
        INDArray out = randn(1001, 100), bias = viewAtOffset(100);
        INDArray expected = out.addRowVector(bias);
        HostKernels.addRowVector(out, bias);
        assertEquals(expected, out);
        INDArray y = Nd4j.create(DataType.FLOAT, 1001, 100), relu = Nd4j.create(DataType.FLOAT, 1001, 100);
        Nd4j.exec(new RectifiedLinear(out, relu, 0.0));
        HostKernels.relu(out, y);
        assertEquals(relu, y);
    }

    @Test
    void columnSumsMatchNd4jIntoAView() {
        INDArray in = randn(6, 4), out = viewAtOffset(4);
        HostKernels.columnSums(in, out);
        assertTrue(in.sum(0).equalsWithEps(out, 1e-5), in.sum(0) + " vs " + out);
    }

    @Test
    void reluForwardAndBackwardMatchNd4j() {
        INDArray x = randn(4, 9), y = Nd4j.create(DataType.FLOAT, 4, 9), expected = Nd4j.create(DataType.FLOAT, 4, 9);
        HostKernels.relu(x, y);
        Nd4j.exec(new RectifiedLinear(x, expected, 0.0));
        assertEquals(expected, y);

        INDArray gy = randn(4, 9), gx = Nd4j.create(DataType.FLOAT, 4, 9), gxExpected = Nd4j.create(DataType.FLOAT, 4, 9);
        HostKernels.reluBackward(y, gy, gx);
        Nd4j.exec(new RectifiedLinearDerivative(x, gy, gxExpected));
        assertEquals(gxExpected, gx);
    }
}
