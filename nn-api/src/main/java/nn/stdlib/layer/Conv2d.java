package nn.stdlib.layer;

import nn.api.graph.Shape;
import nn.api.graph.ShapeException;
import nn.api.runtime.BatchBuffers;
import nn.api.runtime.ChannelsLast;
import nn.api.runtime.Layer;
import nn.api.runtime.ParamSpec;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LayerProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 2-D convolution over NCHW batches with libnd4j's `conv2d` and `conv2d_bp` (oneDNN where the
 * native build has it). Weights are [filters, channels / groups, k, k] (PyTorch's layout,
 * libnd4j's weight format 1), biases [filters]. Groups run one native call per group on
 * channel slices of the same buffers. Runs channels-last when the network asks (one group, no
 * dilation): oneDNN's kernels then read and write the batches as they are, with no reorders.
 */
public final class Conv2d implements Layer, ChannelsLast {
    private static final long NCHW = 0, NHWC = 1, WEIGHTS_OIHW = 1;

    private final int channels;
    private final int filters;
    private final int groups;
    private final SlidingWindow window;
    private final boolean bias;
    private final String init;
    private final Shape input;
    private final Shape output;
    private BatchBuffers outputs;
    private BatchBuffers inputGradients;
    private INDArray weights, biases, weightGrad, biasGrad;
    private NativeOp forwardOp, backwardOp;
    private FirstLayerGradients firstLayer;
    private INDArray lastInput;
    private boolean inputGradientNeeded = true;
    private boolean channelsLast;

    Conv2d(Shape input, int filters, SlidingWindow window, int groups, boolean bias, String init) {
        this.channels = input.dim(0);
        this.filters = filters;
        this.groups = groups;
        this.window = window;
        this.bias = bias;
        this.init = init;
        this.input = input;
        this.output = Shape.of(filters, window.outputSize(input.dim(1)), window.outputSize(input.dim(2)));
        this.outputs = new BatchBuffers(output.dim(0), output.dim(1), output.dim(2));
        this.inputGradients = new BatchBuffers(channels, input.dim(1), input.dim(2));
    }

    @Override
    public Role channelsLastRole() {
        // Grouped channel slices of a channels-last batch are strided views; dilated
        // convolutions run libnd4j's own kernel. Both stay channels-first.
        return groups == 1 && window.dilation() == 1 ? Role.PREFERS : Role.UNABLE;
    }

    @Override
    public void useChannelsLast() {
        channelsLast = true;
        outputs = new BatchBuffers(output.dim(1), output.dim(2), output.dim(0));
        inputGradients = new BatchBuffers(input.dim(1), input.dim(2), input.dim(0));
    }

    @Override
    public List<ParamSpec> parameters() {
        int k = window.kernel();
        int fanIn = channels / groups * k * k;
        List<ParamSpec> specs = new ArrayList<>();
        specs.add(new ParamSpec("W", new long[]{filters, channels / groups, k, k}, fanIn, filters * k * k, init));
        if (bias) specs.add(new ParamSpec("b", new long[]{filters}, fanIn, filters * k * k, "zeros"));
        return specs;
    }

    @Override
    public void bind(Map<String, INDArray> params, Map<String, INDArray> grads) {
        weights = params.get("W");
        weightGrad = grads.get("W");
        biases = params.get("b");
        biasGrad = grads.get("b");
    }

    @Override
    public void skipInputGradient() {
        inputGradientNeeded = false;
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        if (forwardOp == null) {
            // ND4J 1.0.0-M2.1's oneDNN convolution rejects every dilation > 1 ("could not create a
            // descriptor for a dilated convolution"): those run libnd4j's own kernel.
            boolean oneDnn = window.dilation() == 1;
            long layout = channelsLast ? NHWC : NCHW;
            forwardOp = new NativeOp("conv2d", oneDnn, window.nativeArgs(layout, WEIGHTS_OIHW));
            backwardOp = new NativeOp("conv2d_bp", oneDnn, window.nativeArgs(layout, WEIGHTS_OIHW));
            if (!inputGradientNeeded && FirstLayerGradients.applies(groups, channels, channelsLast, window)) {
                firstLayer = new FirstLayerGradients(this.input, output, window, channelsLast);
            }
        }
        lastInput = input;
        INDArray out = outputs.get(input.size(0), input.dataType());
        for (int g = 0; g < groups; g++) {
            INDArray x = channelSlice(input, g, channels), w = filterSlice(weights, g);
            forwardOp.run(bias ? new INDArray[]{x, w, filterSlice(biases, g)} : new INDArray[]{x, w},
                    channelSlice(out, g, filters));
        }
        return out;
    }

    /**
     * libnd4j's conv2d_bp always computes the input gradient. For the first layer nothing reads
     * it, and for a one-channel image it is the dearest part of the step (a one-channel
     * backward-data convolution), so there the weight gradients come from im2col and a GEMM.
     */
    @Override
    public INDArray backward(INDArray gradOutput) {
        if (firstLayer != null) {
            firstLayer.backward(lastInput, gradOutput, weightGrad, bias ? biasGrad : null);
            return null;
        }
        INDArray gradInput = inputGradients.get(gradOutput.size(0), gradOutput.dataType());
        for (int g = 0; g < groups; g++) {
            INDArray x = channelSlice(lastInput, g, channels), w = filterSlice(weights, g);
            INDArray gy = channelSlice(gradOutput, g, filters);
            INDArray gx = channelSlice(gradInput, g, channels), gw = filterSlice(weightGrad, g);
            if (bias) backwardOp.run(new INDArray[]{x, w, filterSlice(biases, g), gy}, gx, gw, filterSlice(biasGrad, g));
            else backwardOp.run(new INDArray[]{x, w, gy}, gx, gw);
        }
        return inputGradientNeeded ? gradInput : null;
    }

    /** Group g's channels of an NCHW batch (the whole array when there is one group). */
    private INDArray channelSlice(INDArray batch, int g, int total) {
        if (groups == 1) return batch;
        int size = total / groups;
        return batch.get(NDArrayIndex.all(), NDArrayIndex.interval(g * size, (g + 1) * size),
                NDArrayIndex.all(), NDArrayIndex.all());
    }

    /** Group g's filters of the weights or biases: a contiguous block along the first dimension. */
    private INDArray filterSlice(INDArray param, int g) {
        if (groups == 1) return param;
        int size = filters / groups;
        INDArrayIndex[] index = new INDArrayIndex[param.rank()];
        index[0] = NDArrayIndex.interval(g * size, (g + 1) * size);
        for (int i = 1; i < index.length; i++) index[i] = NDArrayIndex.all();
        return param.get(index);
    }

    /** `conv2d(filters, kernel = 3, stride = 1, padding = 0, dilation = 1, groups = 1, bias = true, init = "he")`. */
    public static final class Provider extends BaseProvider implements LayerProvider {
        public Provider() {
            super("conv2d", "2-D convolution: [channels, h, w] -> [filters, h', w']", Schema.of(
                    Param.required("filters", ParamType.INT, "number of output channels").range(1.0, null),
                    Param.optional("kernel", ParamType.INT, 3, "kernel height and width").range(1.0, null),
                    Param.optional("stride", ParamType.INT, 1, "step between windows").range(1.0, null),
                    SlidingWindow.paddingParam(),
                    Param.optional("dilation", ParamType.INT, 1, "spacing between kernel taps").range(1.0, null),
                    Param.optional("groups", ParamType.INT, 1,
                            "channel groups convolved separately; divides channels and filters").range(1.0, null),
                    Param.optional("bias", ParamType.BOOL, true, "add a learned bias per filter"),
                    Param.optional("init", ParamType.STRING, "he", "weight initialiser").oneOf("he", "xavier", "zeros")));
        }

        @Override
        public Shape outputShape(Shape input, Args args) throws ShapeException {
            SlidingWindow.requireImage(name(), input);
            int groups = args.getInt("groups"), filters = args.getInt("filters");
            if (input.dim(0) % groups != 0 || filters % groups != 0) {
                throw new ShapeException("conv2d: groups = " + groups + " must divide both the input channels ("
                        + input.dim(0) + ", from " + input + ") and filters (" + filters + ")");
            }
            return window(args).outputShape(name(), input, filters);
        }

        @Override
        public Layer create(Shape input, Args args) {
            return new Conv2d(input, args.getInt("filters"), window(args), args.getInt("groups"),
                    args.getBool("bias"), args.getString("init"));
        }

        private static SlidingWindow window(Args args) {
            return SlidingWindow.of(args.getInt("kernel"), args.getInt("stride"), args, args.getInt("dilation"));
        }
    }
}
