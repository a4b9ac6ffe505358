package nn.stdlib.layer;

import nn.api.graph.Shape;
import nn.api.graph.ShapeException;
import nn.api.runtime.BatchBuffers;
import nn.api.internal.kernels.HostKernels;
import nn.api.runtime.Activation;
import nn.api.runtime.FusesActivation;
import nn.api.runtime.Layer;
import nn.api.runtime.ParamSpec;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LayerProvider;
import nn.stdlib.activation.Relu;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fully connected layer: y = x W + b, W of shape [in, units]. Forward and backward are GEMMs
 * into preallocated buffers; the input gradient is skipped when nothing needs it (the first
 * layer), which saves a third of that layer's backward work.
 */
public final class Dense implements Layer, FusesActivation {
    private final int in;
    private final int units;
    private final boolean bias;
    private final String init;
    private final BatchBuffers outputs;
    private final BatchBuffers inputGradients;
    private INDArray weights, biases, weightGrad, biasGrad;
    private INDArray lastInput;
    private boolean inputGradientNeeded = true;
    /** The relu after this layer, applied in the bias pass (null when not fused). */
    private Relu relu;
    /** x W, x^T gy and gy W^T. */
    private final MatrixProduct forwardGemm = new MatrixProduct(false, false);
    private final MatrixProduct weightGradientGemm = new MatrixProduct(true, false);
    private final MatrixProduct inputGradientGemm = new MatrixProduct(false, true);

    public Dense(int in, int units, boolean bias, String init) {
        this.in = in;
        this.units = units;
        this.bias = bias;
        this.init = init;
        this.outputs = new BatchBuffers(units);
        this.inputGradients = new BatchBuffers(in);
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> specs = new ArrayList<>();
        specs.add(new ParamSpec("W", new long[]{in, units}, in, units, init));
        if (bias) specs.add(new ParamSpec("b", new long[]{units}, in, units, "zeros"));
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
        lastInput = input;
        INDArray out = outputs.get(input.size(0), input.dataType());
        multiply(forwardGemm, input, weights, out);
        if (bias && HostKernels.applies(out, biases) && HostKernels.smallForward(out)) {
            HostKernels.addRowVector(out, biases, relu != null);
            return out;
        }
        if (bias) out.addiRowVector(biases);
        if (relu != null) relu.forward(out, out);
        return out;
    }

    /**
     * Relu only: its gradient needs only its output, and this layer's backward never reads
     * the output it wrote.
     */
    @Override
    public boolean fuse(Activation activation) {
        if (!(activation instanceof Relu r)) return false;
        relu = r;
        return true;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        multiply(weightGradientGemm, lastInput, gradOutput, weightGrad);
        if (bias) {
            if (HostKernels.applies(gradOutput, biasGrad) && HostKernels.small(gradOutput)) HostKernels.columnSums(gradOutput, biasGrad);
            else gradOutput.sum(biasGrad, 0);
        }
        if (!inputGradientNeeded) return null;
        INDArray gradInput = inputGradients.get(gradOutput.size(0), gradOutput.dataType());
        multiply(inputGradientGemm, gradOutput, weights, gradInput);
        return gradInput;
    }

    /**
     * c = op(a) op(b) through a kept product: Nd4j.gemm runs the same libnd4j `matmul` but builds
     * a new op and context each call, which made the MLP's eight GEMMs a step 491 µs instead of
     * 338 µs (measured alternately in one process).
     */
    private void multiply(MatrixProduct gemm, INDArray a, INDArray b, INDArray c) {
        // Each of the three products is batch x in x units multiply-adds.
        gemm.run(lastInput.size(0) * in * units, a, b, c);
    }

    /** `dense(units, bias = true, init = "xavier")`. */
    public static final class Provider extends BaseProvider implements LayerProvider {
        public Provider() {
            super("dense", "fully connected layer: y = xW + b", Schema.of(
                    Param.required("units", ParamType.INT, "number of outputs").range(1.0, null),
                    Param.optional("bias", ParamType.BOOL, true, "add a learned bias"),
                    Param.optional("init", ParamType.STRING, "xavier", "weight initialiser")
                            .oneOf("xavier", "he", "zeros")));
        }

        @Override
        public Shape outputShape(Shape input, Args args) throws ShapeException {
            if (input.rank() != 1) {
                throw new ShapeException("dense expects a flat input [features], got " + input
                        + "; put flatten() before it");
            }
            return Shape.of(args.getInt("units"));
        }

        @Override
        public Layer create(Shape input, Args args) {
            return new Dense(input.dim(0), args.getInt("units"), args.getBool("bias"), args.getString("init"));
        }
    }
}
