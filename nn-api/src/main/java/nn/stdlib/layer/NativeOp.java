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
        this.op = DynamicCustomOp.builder(name).build();
        this.context = Nd4j.getExecutioner().buildContext();
        context.setIArguments(intArgs);
        context.allowHelpers(platformHelpers);
    }

    void run(INDArray[] inputs, INDArray... outputs) {
        context.setInputArrays(inputs);
        context.setOutputArrays(outputs);
        Nd4j.getExecutioner().exec(op, context);
    }
}
