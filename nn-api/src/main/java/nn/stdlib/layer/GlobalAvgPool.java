package nn.stdlib.layer;

import nn.api.graph.Shape;
import nn.api.graph.ShapeException;
import nn.api.runtime.Layer;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LayerProvider;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The mean of each channel: [channels, h, w] -> [channels]; average pooling with a window the image's size. */
public final class GlobalAvgPool implements Layer {
    private final PoolingKernel kernel;
    private final long channels;

    GlobalAvgPool(Shape input) {
        this.kernel = PoolingKernel.global(input);
        this.channels = input.dim(0);
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        return kernel.forward(input).reshape('c', input.size(0), channels);
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        return kernel.backward(gradOutput.reshape('c', gradOutput.size(0), channels, 1, 1));
    }

    /** `global_avgpool()`. */
    public static final class Provider extends BaseProvider implements LayerProvider {
        public Provider() {
            super("global_avgpool", "mean of each channel: [channels, h, w] -> [channels]", Schema.empty());
        }

        @Override
        public Shape outputShape(Shape input, Args args) throws ShapeException {
            SlidingWindow.requireImage(name(), input);
            return Shape.of(input.dim(0));
        }

        @Override
        public Layer create(Shape input, Args args) {
            return new GlobalAvgPool(input);
        }
    }
}
