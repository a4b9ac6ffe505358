package nn.stdlib.layer;

import nn.api.graph.Shape;
import nn.api.random.SplitMix64;
import nn.api.runtime.BatchBuffers;
import nn.api.internal.kernels.HostKernels;
import nn.api.runtime.Layer;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LayerProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/**
 * Inverted dropout: in training each value is zeroed with probability `rate` and the others
 * are scaled by 1 / (1 - rate), so evaluation is the identity. The mask comes from a seeded
 * Java generator (the network builder seeds it per node) whose position is part of the
 * layer's state, so runs and resumed runs draw the same masks.
 */
public final class Dropout implements Layer {
    private final double rate;
    private final BatchBuffers outputs;
    private final BatchBuffers inputGradients;
    private final BatchBuffers masks;
    private SplitMix64 rng = new SplitMix64(0);
    private float[] maskValues;
    private INDArray mask;
    private boolean masked;

    public Dropout(Shape shape, double rate) {
        this.rate = rate;
        long[] dims = shape.longDims();
        this.outputs = new BatchBuffers(dims);
        this.inputGradients = new BatchBuffers(dims);
        this.masks = new BatchBuffers(dims);
    }

    @Override
    public void seed(long seed) {
        rng = new SplitMix64(seed);
    }

    @Override
    public Map<String, INDArray> state() {
        return Map.of("rng", Nd4j.scalar(rng.state()));
    }

    @Override
    public void restoreState(Map<String, INDArray> state) {
        rng.setState(state.get("rng").getLong(0));
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        masked = training && rate > 0;
        if (!masked) return input; // read-only pass-through: nothing writes into it
        mask = masks.get(input.size(0), input.dataType());
        HostKernels.write(drawMask(Math.toIntExact(mask.length())), mask);
        INDArray out = outputs.get(input.size(0), input.dataType());
        return input.mul(mask, out);
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        if (!masked) return gradOutput;
        return gradOutput.mul(mask, inputGradients.get(gradOutput.size(0), gradOutput.dataType()));
    }

    /**
     * 0 with probability rate, else 1 / (1 - rate); all zeros when rate is 1. Each 64-bit draw
     * decides two values (32 bits each, finer than a float's 24), without a branch: a
     * random branch mispredicts half the time, and this loop ran 5 % of a CNN step.
     */
    private float[] drawMask(int length) {
        if (maskValues == null || maskValues.length != length) maskValues = new float[length];
        float keep = rate < 1 ? (float) (1 / (1 - rate)) : 0f;
        long cut = (long) (rate * 0x1p32); // a 32-bit draw below cut drops its value
        int i = 0;
        for (; i + 1 < length; i += 2) {
            long bits = rng.nextLong();
            maskValues[i] = keep * kept(bits & 0xFFFFFFFFL, cut);
            maskValues[i + 1] = keep * kept(bits >>> 32, cut);
        }
        if (i < length) maskValues[i] = keep * kept(rng.nextLong() >>> 32, cut);
        return maskValues;
    }

    /** 1 when the 32-bit draw is at or above cut, else 0: the sign of cut - 1 - draw. */
    private static float kept(long draw, long cut) {
        return (float) ((cut - 1 - draw) >>> 63);
    }

    /** `dropout(rate = 0.5)`. */
    public static final class Provider extends BaseProvider implements LayerProvider {
        public Provider() {
            super("dropout", "zeroes values at random while training (scaling the rest); identity in evaluation",
                    Schema.of(Param.optional("rate", ParamType.FLOAT, 0.5, "probability of zeroing each value")
                            .range(0.0, 1.0)));
        }

        @Override
        public Shape outputShape(Shape input, Args args) {
            return input;
        }

        @Override
        public Layer create(Shape input, Args args) {
            return new Dropout(input, args.getDouble("rate"));
        }
    }
}
