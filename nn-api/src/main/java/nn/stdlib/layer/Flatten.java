package nn.stdlib.layer;

import nn.api.graph.Shape;
import nn.api.runtime.Layer;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LayerProvider;
import org.nd4j.linalg.api.ndarray.INDArray;

/** [batch, d1, d2, ...] to [batch, d1*d2*...]: a view of the same memory, no copy. */
public final class Flatten implements Layer {
    private final long size;
    private long[] inputShape;

    public Flatten(Shape input) {
        this.size = input.size();
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        inputShape = input.shape();
        return input.reshape('c', input.size(0), size);
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        return gradOutput.reshape('c', inputShape);
    }

    public static final class Provider extends BaseProvider implements LayerProvider {
        public Provider() {
            super("flatten", "flattens each example into a vector", Schema.empty());
        }

        @Override
        public Shape outputShape(Shape input, Args args) {
            return Shape.of(Math.toIntExact(input.size()));
        }

        @Override
        public Layer create(Shape input, Args args) {
            return new Flatten(input);
        }
    }
}
