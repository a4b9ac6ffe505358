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

/**
 * Max or average pooling of each window, per channel: `maxpool2d` and `avgpool2d`. They differ
 * only in the native op their {@link PoolingKernel} runs, so they are one layer with a provider each.
 */
public final class Pool2d implements Layer, ChannelsLast, WindowMaximum {
    private final PoolingKernel kernel;
    private final boolean maximum;

    Pool2d(String op, Shape input, SlidingWindow window) {
        this.kernel = PoolingKernel.sliding(op, window, input);
        this.maximum = op.equals("maxpool2d");
    }

    @Override
    public boolean takesMaxima() {
        return maximum;
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

    /** `maxpool2d(kernel = 2, stride = 0, padding = 0)`: the largest value of each window. */
    public static final class Max extends PoolProvider {
        public Max() {
            super("maxpool2d", "max pooling: [channels, h, w] -> [channels, h', w']");
        }
    }

    /** `avgpool2d(kernel = 2, stride = 0, padding = 0)`: the mean of each window, padding counted as zeros (as in PyTorch). */
    public static final class Average extends PoolProvider {
        public Average() {
            super("avgpool2d", "average pooling: [channels, h, w] -> [channels, h', w']");
        }
    }

    /** What both pooling providers share; stride 0 means the kernel size. */
    abstract static class PoolProvider extends BaseProvider implements LayerProvider {
        PoolProvider(String name, String description) {
            super(name, description, PoolingKernel.schema());
        }

        @Override
        public Shape outputShape(Shape input, Args args) throws ShapeException {
            return PoolingKernel.outputShape(name(), input, args);
        }

        @Override
        public Layer create(Shape input, Args args) {
            return new Pool2d(name(), input, PoolingKernel.window(args));
        }
    }
}
