package nn.stdlib.layer;

import nn.api.graph.Shape;
import nn.api.graph.ShapeException;
import nn.api.runtime.ChannelsLast;
import nn.api.runtime.Layer;
import nn.api.runtime.WindowMaximum;
import nn.api.schema.Args;
import nn.api.spi.BaseProvider;
import nn.api.spi.LayerProvider;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Max pooling: the largest value of each window, per channel. */
public final class MaxPool2d implements Layer, ChannelsLast, WindowMaximum {
    private final PoolingKernel kernel;

    MaxPool2d(Shape input, SlidingWindow window) {
        this.kernel = PoolingKernel.sliding("maxpool2d", window, input);
    }

    @Override
    public boolean takesMaxima() {
        return true;
    }

    @Override
    public Role channelsLastRole() {
        return Role.PREFERS;
    }

    @Override
    public void useChannelsLast() {
        kernel.useChannelsLast();
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        return kernel.forward(input);
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        return kernel.backward(gradOutput);
    }

    /** `maxpool2d(kernel = 2, stride = 0, padding = 0)`; stride 0 means the kernel size. */
    public static final class Provider extends BaseProvider implements LayerProvider {
        public Provider() {
            super("maxpool2d", "max pooling: [channels, h, w] -> [channels, h', w']", PoolingKernel.schema());
        }

        @Override
        public Shape outputShape(Shape input, Args args) throws ShapeException {
            return PoolingKernel.outputShape(name(), input, args);
        }

        @Override
        public Layer create(Shape input, Args args) {
            return new MaxPool2d(input, PoolingKernel.window(args));
        }
    }
}
