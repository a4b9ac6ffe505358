package nn.backend.cpu;

import nn.api.internal.kernels.HostKernels;
import nn.api.spi.DirectGemm;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Small float products straight through OpenBLAS's sgemm (the OpenBLAS ND4J loads), on the
 * arrays' own memory. libnd4j's `matmul` op spends 25-50 µs a call around its kernel; for the
 * MLP's smaller products that is more than the product itself (64 x 128 x 64: 40 µs as an op,
 * 15 µs here), while oneDNN's kernel behind the op is faster on larger ones (64 x 784 x 128:
 * 208 against 263 µs), so products from {@code directBelow} multiply-adds stay ops.
 */
final class OpenBlasGemm implements DirectGemm {
    /**
     * OpenBLAS runs products of up to 65536 x GEMM_MULTITHREAD_THRESHOLD (4) multiply-adds on
     * the calling thread whatever its pool size; larger ones it splits over its own pthreads,
     * which then spin beside OpenMP's. Its pool cannot be narrowed per call: setting its size
     * restarts the pool (4-7 ms a change, measured).
     */
    static final long OPENBLAS_ONE_THREAD_UP_TO = 1L << 18;
    private final long directBelow;

    /**
     * @param directBelow the fewest multiply-adds left to the op; with more than one thread no
     *                    more than OpenBLAS keeps on one thread
     */
    OpenBlasGemm(long directBelow) {
        this.directBelow = directBelow;
    }

    /** The direct path for a backend of this many threads. */
    static OpenBlasGemm forThreads(int threads, long directBelowOnOneThread) {
        return new OpenBlasGemm(threads <= 1 ? directBelowOnOneThread
                : Math.min(directBelowOnOneThread, OPENBLAS_ONE_THREAD_UP_TO + 1));
    }

    @Override
    public boolean multiply(boolean transposeA, boolean transposeB, INDArray a, INDArray b, INDArray c, long multiplyAdds) {
        if (multiplyAdds >= directBelow || !plain(a) || !plain(b) || !plain(c)) return false;
        int m = (int) c.size(0), n = (int) c.size(1);
        int k = (int) (transposeA ? a.size(0) : a.size(1));
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                transposeA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transposeB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, 1f, HostKernels.values(a), (int) a.size(1), HostKernels.values(b), (int) b.size(1), 0f,
                HostKernels.values(c), n);
        return true;
    }

    /**
     * A contiguous row-major float matrix, so its rows are its second dimension apart; sgemm
     * reads it from its first element, views at an offset included.
     */
    private static boolean plain(INDArray x) {
        return x.rank() == 2 && HostKernels.contiguousFloats(x)
                && x.size(0) <= Integer.MAX_VALUE && x.size(1) <= Integer.MAX_VALUE;
    }
}
