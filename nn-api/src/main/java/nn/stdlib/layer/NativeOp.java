package nn.stdlib.layer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One libnd4j op, by name, run through a context kept between calls: the integer arguments
 * are set once, the inputs and the caller's preallocated outputs on every call, so a step
 * allocates nothing in Java. Created on first use: building a layer (for `nn check`) must
 * not load native code.
 */
final class NativeOp {
    private final CustomOp op;
    private final OpContext context;

    NativeOp(String name, long... intArgs) {
        this(name, true, intArgs);
    }

    /** @param platformHelpers false: libnd4j's own kernel even where oneDNN has one */
    NativeOp(String name, boolean platformHelpers, long... intArgs) {
        this(name, platformHelpers, new double[0], intArgs);
    }

    /** @param floatArgs the op's floating-point arguments (matmul's alpha and beta), set once */
    NativeOp(String name, boolean platformHelpers, double[] floatArgs, long... intArgs) {
        this.op = DynamicCustomOp.builder(name).build();
        this.context = Nd4j.getExecutioner().buildContext();
        context.setIArguments(intArgs);
        if (floatArgs.length > 0) context.setTArguments(floatArgs);
        context.allowHelpers(platformHelpers);
    }

    /**
     * C = op(A) op(B) into a preallocated C, with libnd4j's `matmul` (the op Nd4j.gemm runs),
     * but without building a new op and context on every call as Nd4j.gemm does.
     */
    static NativeOp gemm(boolean transposeA, boolean transposeB) {
        return new NativeOp("matmul", true, new double[]{1.0, 0.0}, transposeA ? 1 : 0, transposeB ? 1 : 0, 0);
    }

    void run(INDArray[] inputs, INDArray... outputs) {
        context.setInputArrays(inputs);
        context.setOutputArrays(outputs);
        Nd4j.getExecutioner().exec(op, context);
    }
}
