package org.example.nnplugin;

import nn.api.graph.Shape;
import nn.api.graph.ShapeException;
import nn.api.runtime.BatchBuffers;
import nn.api.runtime.Init;
import nn.api.runtime.Layer;
import nn.api.runtime.ParamSpec;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LayerProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMin;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

/**
 * The same PReLU as {@link PRelu}, in the buffer-reuse style: every result is computed into an
 * array the layer keeps between steps (one per batch size, from {@link BatchBuffers}), so a
 * training step allocates nothing here.
 */
public final class PReluBuffered implements Layer {
    private final int channels;
    private final long rest;
    private final BatchBuffers negatives, outputs, inputGrads;
    private INDArray slope, slopeGrad, slopeMinusOne;
    private INDArray negative; // min(x, 0) of the last forward call, read by backward

    public PReluBuffered(Shape input) {
        channels = input.dim(0);
        rest = input.size() / channels;
        negatives = new BatchBuffers(channels, rest);
        outputs = new BatchBuffers(channels, rest);
        inputGrads = new BatchBuffers(channels, rest);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(new ParamSpec("slope", new long[]{channels}, channels, channels, Init.constant(0.25)));
    }

    @Override
    public void bind(Map<String, INDArray> params, Map<String, INDArray> grads) {
        slope = params.get("slope");
        slopeGrad = grads.get("slope");
        slopeMinusOne = slope.ulike();
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        long batch = input.size(0);
        INDArray x = input.reshape('c', batch, channels, rest);
        negative = negatives.get(batch, input.dataType());
        Nd4j.exec(new ScalarMin(x, null, negative, 0.0));
        slopeMinusOne.assign(slope).subi(1);
        // y = x + (slope - 1) * min(x, 0), written into this batch size's output buffer
        INDArray y = outputs.get(batch, input.dataType());
        Broadcast.mul(negative, slopeMinusOne, y, 1);
        return y.addi(x).reshape(input.shape());
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        long batch = gradOutput.size(0);
        INDArray gy = gradOutput.reshape('c', batch, channels, rest);
        INDArray gx = inputGrads.get(batch, gradOutput.dataType());
        // dL/dslope = sum of gy * min(x, 0) over batch and positions; gx serves as scratch first
        gx.assign(gy).muli(negative).sum(slopeGrad, 0, 2);
        // dy/dx = 1 - (slope - 1) * sign(min(x, 0)): 1 where x > 0, slope where x < 0
        Nd4j.exec(new Sign(negative, gx));
        Broadcast.mul(gx, slopeMinusOne, gx, 1);
        return gx.rsubi(1).muli(gy).reshape(gradOutput.shape());
    }

    /** `prelu_buffered()` in a .nn file. */
    public static final class Provider extends BaseProvider implements LayerProvider {
        public Provider() {
            super("prelu_buffered", "prelu computed into buffers kept between steps (same results, fewer allocations)",
                    Schema.empty());
        }

        @Override
        public Shape outputShape(Shape input, Args args) throws ShapeException {
            if (input.rank() < 1) throw new ShapeException("prelu_buffered needs at least a channel dimension, got " + input);
            return input;
        }

        @Override
        public Layer create(Shape input, Args args) {
            return new PReluBuffered(input);
        }
    }
}
