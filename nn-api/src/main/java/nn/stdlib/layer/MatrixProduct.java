package nn.stdlib.layer;

import nn.api.backend.ActiveBackend;
import nn.api.spi.DirectGemm;
import nn.api.spi.OpThreads;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * c = op(a) op(b) into a preallocated c, as the backend runs a product of its size best: on one
 * thread when it is too small to share ({@link OpThreads}), straight through the backend's BLAS
 * when the op path would cost more than the product ({@link DirectGemm}), else libnd4j's
 * `matmul` through a kept op.
 */
final class MatrixProduct {
    private final boolean transposeA;
    private final boolean transposeB;
    private final INDArray[] operands = new INDArray[2];
    /** Made on first use: building a layer (for `nn check`) must not load native code. */
    private NativeOp op;

    MatrixProduct(boolean transposeA, boolean transposeB) {
        this.transposeA = transposeA;
        this.transposeB = transposeB;
    }

    void run(long multiplyAdds, INDArray a, INDArray b, INDArray c) {
        OpThreads threads = ActiveBackend.opThreads();
        boolean narrowed = threads.narrowIfSmall(multiplyAdds);
        try {
            if (ActiveBackend.directGemm().multiply(transposeA, transposeB, a, b, c, multiplyAdds)) return;
            if (op == null) op = NativeOp.gemm(transposeA, transposeB);
            operands[0] = a;
            operands[1] = b;
            op.run(operands, c);
        } finally {
            if (narrowed) threads.restore();
        }
    }
}
