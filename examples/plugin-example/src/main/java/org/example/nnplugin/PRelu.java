package org.example.nnplugin;

import nn.api.graph.Shape;
import nn.api.graph.ShapeException;
import nn.api.runtime.Init;
import nn.api.runtime.Layer;
import nn.api.runtime.ParamSpec;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LayerProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Map;

/**
 * PReLU, a relu whose negative slope is learnt per channel: y = x where x > 0, slope[c] * x
 * elsewhere. Written in the simple style: ordinary ND4J calls, a new array for every result.
 */
public final class PRelu implements Layer {
    private final int channels;
    private INDArray slope, slopeGrad;
    private INDArray lastInput;

    public PRelu(int channels) {
        this.channels = channels;
    }

    @Override
    public List<ParamSpec> parameters() {
        // not a weight matrix: fan-in and fan-out are its own size, and constant(0.25) ignores them
        return List.of(new ParamSpec("slope", new long[]{channels}, channels, channels, Init.constant(0.25)));
    }

    @Override
    public void bind(Map<String, INDArray> params, Map<String, INDArray> grads) {
        slope = params.get("slope");
        slopeGrad = grads.get("slope");
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        lastInput = input;
        INDArray x = asBatchChannelRest(input);
        // y = x + (slope - 1) * min(x, 0)
        INDArray negative = Transforms.min(x, 0.0, true);
        INDArray y = Broadcast.mul(negative, slope.sub(1), negative.ulike(), 1).addi(x);
        return y.reshape(input.shape());
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gy = asBatchChannelRest(gradOutput);
        INDArray x = asBatchChannelRest(lastInput);
        slopeGrad.assign(gy.mul(Transforms.min(x, 0.0, true)).sum(0, 2));
        // dy/dx = 1 where x > 0, slope elsewhere: 1 + (slope - 1) * [x < 0]
        INDArray isNegative = x.lt(0).castTo(x.dataType());
        INDArray slopeOfY = Broadcast.mul(isNegative, slope.sub(1), isNegative.ulike(), 1).addi(1);
        return slopeOfY.muli(gy).reshape(gradOutput.shape());
    }

    /** Views [batch, channels, anything...] as [batch, channels, rest] so one broadcast covers every rank. */
    private INDArray asBatchChannelRest(INDArray a) {
        return a.reshape('c', a.size(0), channels, a.length() / (a.size(0) * channels));
    }

    /** `prelu()` in a .nn file. */
    public static final class Provider extends BaseProvider implements LayerProvider {
        public Provider() {
            super("prelu", "relu with a learnt negative slope per channel (starts at 0.25)", Schema.empty());
        }

        @Override
        public Shape outputShape(Shape input, Args args) throws ShapeException {
            if (input.rank() < 1) throw new ShapeException("prelu needs at least a channel dimension, got " + input);
            return input;
        }

        @Override
        public Layer create(Shape input, Args args) {
            return new PRelu(input.dim(0));
        }
    }
}
