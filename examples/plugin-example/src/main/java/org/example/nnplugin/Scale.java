package org.example.nnplugin;

import nn.api.graph.Shape;
import nn.api.graph.ShapeException;
import nn.api.runtime.Layer;
import nn.api.runtime.ParamSpec;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LayerProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A learnable scale (and optional shift) per channel: y[n, c, ...] = gamma[c] * x[n, c, ...] + beta[c].
 * The first dimension after the batch is the channel: filters after conv2d, features after dense.
 */
public final class Scale implements Layer {
    private final int channels;
    private final boolean shift;
    private INDArray gamma, beta, gammaGrad, betaGrad;
    private INDArray lastInput;

    public Scale(int channels, boolean shift) {
        this.channels = channels;
        this.shift = shift;
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> specs = new ArrayList<>();
        // name, shape, fan-in, fan-out, initialiser: start as the identity
        specs.add(new ParamSpec("gamma", new long[]{channels}, channels, channels, "ones"));
        if (shift) specs.add(new ParamSpec("beta", new long[]{channels}, channels, channels, "zeros"));
        return specs;
    }

    @Override
    public void bind(Map<String, INDArray> params, Map<String, INDArray> grads) {
        gamma = params.get("gamma");
        gammaGrad = grads.get("gamma");
        beta = params.get("beta");
        betaGrad = grads.get("beta");
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        lastInput = input;
        INDArray x = asBatchChannelRest(input);
        INDArray y = Broadcast.mul(x, gamma, x.ulike(), 1);
        if (shift) Broadcast.add(y, beta, y, 1);
        return y.reshape(input.shape());
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gy = asBatchChannelRest(gradOutput);
        INDArray x = asBatchChannelRest(lastInput);
        gammaGrad.assign(gy.mul(x).sum(0, 2));
        if (shift) betaGrad.assign(gy.sum(0, 2));
        return Broadcast.mul(gy, gamma, gy.ulike(), 1).reshape(gradOutput.shape());
    }

    /** Views [batch, channels, anything...] as [batch, channels, rest] so one broadcast covers every rank. */
    private INDArray asBatchChannelRest(INDArray a) {
        long rest = a.length() / (a.size(0) * channels);
        return a.reshape('c', a.size(0), channels, rest);
    }

    /** `scale(shift = true)` in a .nn file. */
    public static final class Provider extends BaseProvider implements LayerProvider {
        public Provider() {
            super("scale", "learnable per-channel scale and shift: gamma[c] * x + beta[c]", Schema.of(
                    Param.optional("shift", ParamType.BOOL, true, "also learn a shift per channel")));
        }

        @Override
        public Shape outputShape(Shape input, Args args) throws ShapeException {
            if (input.rank() < 1) throw new ShapeException("scale needs at least a channel dimension, got " + input);
            return input;
        }

        @Override
        public Layer create(Shape input, Args args) {
            return new Scale(input.dim(0), args.getBool("shift"));
        }
    }
}
