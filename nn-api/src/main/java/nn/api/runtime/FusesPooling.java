package nn.api.runtime;

import nn.api.graph.Shape;

/**
 * A layer that can run the max pooling that alone reads its output itself, in fewer passes over
 * the values than the two layers take apart. Batch normalisation is one: with a positive scale
 * per channel, max pooling of gamma · x̂ + beta is the same scale and shift of the pooled x, so
 * the normalised values need not be written, and the parameters' gradients are sums over the
 * pooled values. Values and gradients are those of the two layers apart.
 */
public interface FusesPooling {
    /**
     * From now on pools its output with {@code pooling} (a layer whose outputs are window maxima,
     * per example {@code pooled}) and returns the pooled values; returns whether it will. The
     * layer takes over the pooling's layout too: it passes {@link ChannelsLast#useChannelsLast} on.
     */
    boolean fusePooling(Layer pooling, Shape pooled);
}
