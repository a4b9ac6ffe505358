package nn.api.spi;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Matrix products small enough that running them as an ND4J op costs more than the product:
 * libnd4j's `matmul` spends 25-50 µs a call around the kernel (descriptors, shape checks), so a
 * backend whose arrays a BLAS can read in place may run such products straight through it.
 */
public interface DirectGemm {
    /**
     * c = op(a) op(b) (op transposes when asked), for 2-D a, b, c of {@code multiplyAdds}
     * multiply-adds, when this backend runs such a product directly; returns false, having
     * done nothing, when the caller should run its op instead.
     */
    boolean multiply(boolean transposeA, boolean transposeB, INDArray a, INDArray b, INDArray c, long multiplyAdds);

    /** A backend that runs every product as an op. */
    DirectGemm NONE = (transposeA, transposeB, a, b, c, multiplyAdds) -> false;
}
