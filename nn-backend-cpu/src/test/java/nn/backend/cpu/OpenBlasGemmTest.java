package nn.backend.cpu;

import nn.api.spi.Backend;
import nn.api.spi.DirectGemm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Direct sgemm against ND4J's own product, on the operands Dense passes: views at offsets included. */
class OpenBlasGemmTest {

    @BeforeAll
    static void start() {
        new CpuBackend().activate(new Backend.Options(1));
    }

    @ParameterizedTest(name = "transpose a {0}, b {1}")
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void matchesNd4jOnViewsAtOffsets(boolean transposeA, boolean transposeB) {
        Nd4j.getRandom().setSeed(7);
        int m = 13, k = 21, n = 9;
        // Each operand is a slice of a larger buffer, as a layer's weights are of the parameter vector.
        INDArray a = slice(transposeA ? new long[]{k, m} : new long[]{m, k}, 5);
        INDArray b = slice(transposeB ? new long[]{n, k} : new long[]{k, n}, 3);
        INDArray c = slice(new long[]{m, n}, 11);
        INDArray expected = (transposeA ? a.transpose() : a).mmul(transposeB ? b.transpose() : b);

        assertTrue(new OpenBlasGemm(1L << 22).multiply(transposeA, transposeB, a, b, c, (long) m * k * n));

        assertEquals(0.0, expected.sub(c).amaxNumber().doubleValue(), 1e-5);
    }

    @Test
    void readsArraysMadeOverASharedBufferAtAnOffset() {
        INDArray memory = Nd4j.rand(DataType.FLOAT, 200);
        INDArray a = Nd4j.create(memory.data(), new long[]{4, 6}, new long[]{6, 1}, 17, 'c');
        INDArray b = Nd4j.create(memory.data(), new long[]{6, 5}, new long[]{5, 1}, 101, 'c');
        INDArray c = Nd4j.zeros(DataType.FLOAT, 4, 5);
        assertTrue(new OpenBlasGemm(1L << 22).multiply(false, false, a, b, c, 4 * 6 * 5));
        assertEquals(0.0, a.mmul(b).sub(c).amaxNumber().doubleValue(), 1e-5);
    }

    @Test
    void leavesLargeDoubleAndStridedProductsToTheOp() {
        DirectGemm gemm = new OpenBlasGemm(1_000);
        INDArray a = Nd4j.rand(DataType.FLOAT, 10, 10), b = Nd4j.rand(DataType.FLOAT, 10, 10);
        INDArray c = Nd4j.zeros(DataType.FLOAT, 10, 10);
        assertFalse(gemm.multiply(false, false, a, b, c, 1_000));
        assertFalse(gemm.multiply(false, false, a.castTo(DataType.DOUBLE), b.castTo(DataType.DOUBLE),
                c.castTo(DataType.DOUBLE), 999));
        INDArray columns = Nd4j.rand(DataType.FLOAT, 10, 20).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 10));
        assertFalse(gemm.multiply(false, false, columns, b, c, 999));
        assertFalse(gemm.multiply(false, false, a.dup('f'), b, c, 999));
        assertEquals(0.0, c.sumNumber().doubleValue(), "nothing written when the op is left to run");
    }

    @Test
    void withMoreThreadsOnlyProductsOpenBlasKeepsOnOneThreadGoDirect() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 64, 128), b = Nd4j.rand(DataType.FLOAT, 128, 64);
        INDArray c = Nd4j.zeros(DataType.FLOAT, 64, 64);
        assertFalse(OpenBlasGemm.forThreads(2, 1L << 22).multiply(false, false, a, b, c, 64L * 128 * 64));
        assertTrue(OpenBlasGemm.forThreads(1, 1L << 22).multiply(false, false, a, b, c, 64L * 128 * 64));
        assertEquals(0.0, a.mmul(b).sub(c).amaxNumber().doubleValue(), 1e-4);
        INDArray w = Nd4j.rand(DataType.FLOAT, 128, 10), out = Nd4j.zeros(DataType.FLOAT, 64, 10);
        assertTrue(OpenBlasGemm.forThreads(2, 1L << 22).multiply(false, false, a, w, out, 64L * 128 * 10));
        assertEquals(0.0, a.mmul(w).sub(out).amaxNumber().doubleValue(), 1e-4);
    }

    /** A [rows, cols] view starting {@code offset} floats into a random buffer. */
    private static INDArray slice(long[] shape, int offset) {
        long length = shape[0] * shape[1];
        INDArray buffer = Nd4j.rand(DataType.FLOAT, offset + length + 4);
        return buffer.get(NDArrayIndex.interval(offset, offset + length)).reshape('c', shape);
    }
}
