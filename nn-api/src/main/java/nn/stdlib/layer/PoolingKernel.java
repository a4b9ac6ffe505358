package nn.stdlib.layer;

import nn.api.graph.Shape;
import nn.api.graph.ShapeException;
import nn.api.runtime.BatchBuffers;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Max or average pooling over NCHW batches with libnd4j's `maxpool2d` / `avgpool2d` and their
 * `_bp` ops (oneDNN's where the build has them: in the lecture's CNN, NCHW, one thread, they
 * beat libnd4j's own kernels, 44-78 against 62-106 ms a step, although oneDNN's max-pooling
 * ops were the slower ones when timed alone, outside a network). The layers that pool hold one of these.
 */
final class PoolingKernel {
    private static final long NCHW = 0, NHWC = 1;
    /** Where the data-format argument sits among the op's integer arguments. */
    private static final int LAYOUT_ARG = 10;
    /** avgpool2d divides by the whole kernel area, padding included (PyTorch's count_include_pad). */
    private static final long AVERAGE_OVER_KERNEL = 1;

    private final String op;
    private final long[] nativeArgs;
    private final Shape input;
    private final Shape output;
    private BatchBuffers outputs;
    private BatchBuffers inputGradients;
    private NativeOp forwardOp, backwardOp;
    private INDArray lastInput;

    private PoolingKernel(String op, long[] nativeArgs, Shape input, Shape output) {
        this.op = op;
        this.nativeArgs = nativeArgs;
        this.input = input;
        this.output = output;
        this.outputs = new BatchBuffers(output.dim(0), output.dim(1), output.dim(2));
        this.inputGradients = new BatchBuffers(input.dim(0), input.dim(1), input.dim(2));
    }

    /** `op` is "maxpool2d" or "avgpool2d"; the window slides over [channels, h, w] inputs. */
    static PoolingKernel sliding(String op, SlidingWindow window, Shape input) {
        long mode = op.equals("avgpool2d") ? AVERAGE_OVER_KERNEL : 0;
        Shape output = Shape.of(input.dim(0), window.outputSize(input.dim(1)), window.outputSize(input.dim(2)));
        return new PoolingKernel(op, window.nativeArgs(mode, NCHW), input, output);
    }

    /** One average over each whole channel: output [channels, 1, 1]. */
    static PoolingKernel global(Shape input) {
        long[] args = {input.dim(1), input.dim(2), 1, 1, 0, 0, 1, 1, 0, AVERAGE_OVER_KERNEL, NCHW};
        return new PoolingKernel("avgpool2d", args, input, Shape.of(input.dim(0), 1, 1));
    }

    /** From now on batches are [batch, height, width, channels]; call before the first forward. */
    void useChannelsLast() {
        nativeArgs[LAYOUT_ARG] = NHWC;
        outputs = new BatchBuffers(output.dim(1), output.dim(2), output.dim(0));
        inputGradients = new BatchBuffers(input.dim(1), input.dim(2), input.dim(0));
    }

    INDArray forward(INDArray input) {
        if (forwardOp == null) {
            forwardOp = new NativeOp(op, nativeArgs);
            backwardOp = new NativeOp(op + "_bp", nativeArgs);
        }
        lastInput = input;
        INDArray out = outputs.get(input.size(0), input.dataType());
        forwardOp.run(new INDArray[]{input}, out);
        return out;
    }

    /** dLoss/dInput; gradOutput has the forward output's shape. */
    INDArray backward(INDArray gradOutput) {
        INDArray gradInput = inputGradients.get(gradOutput.size(0), gradOutput.dataType());
        backwardOp.run(new INDArray[]{lastInput, gradOutput}, gradInput);
        return gradInput;
    }

    /** The parameters of `maxpool2d` and `avgpool2d`. */
    static Schema schema() {
        return Schema.of(
                Param.optional("kernel", ParamType.INT, 2, "window height and width").range(1.0, null),
                Param.optional("stride", ParamType.INT, 0, "step between windows; 0 means the kernel size")
                        .range(0.0, null),
                SlidingWindow.paddingParam());
    }

    static SlidingWindow window(Args args) {
        int kernel = args.getInt("kernel"), stride = args.getInt("stride");
        return SlidingWindow.of(kernel, stride == 0 ? kernel : stride, args, 1);
    }

    /** Shape inference for `maxpool2d` and `avgpool2d`: channels kept, height and width pooled. */
    static Shape outputShape(String op, Shape input, Args args) throws ShapeException {
        SlidingWindow.requireImage(op, input);
        SlidingWindow window = window(args);
        if (window.padding() > window.kernel() / 2) {
            throw new ShapeException(op + ": padding " + window.padding() + " is more than half the kernel ("
                    + window.kernel() + "), so some windows would hold only padding; expected padding <= "
                    + window.kernel() / 2);
        }
        return window.outputShape(op, input, input.dim(0));
    }
}
