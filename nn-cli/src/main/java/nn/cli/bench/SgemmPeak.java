package nn.cli.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the BLAS ND4J bundles reaches on this machine and thread count: a 1024³ float32 matrix
 * product into a preallocated result, the best of a few. The ceiling to read a network's
 * GFLOP/s against.
 */
final class SgemmPeak {
    private static final int N = 1024;

    private SgemmPeak() {
    }

    static double gflops() {
        INDArray a = Nd4j.rand(DataType.FLOAT, N, N), b = Nd4j.rand(DataType.FLOAT, N, N);
        INDArray c = Nd4j.create(DataType.FLOAT, N, N);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return 2.0 * N * N * N / best / 1e9;
    }
}
