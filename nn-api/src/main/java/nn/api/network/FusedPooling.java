package nn.api.network;

import nn.api.runtime.ChannelsLast;
import nn.api.runtime.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A pooling the layer before it runs (a {@link nn.api.runtime.FusesPooling}): values and
 * gradients pass through as they are, in whatever layout the layer before chose.
 */
final class FusedPooling implements Layer, ChannelsLast {

    @Override
    public Role channelsLastRole() {
        return Role.FOLLOWS;
    }

    @Override
    public void useChannelsLast() {
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        return input;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        return gradOutput;
    }
}
