package nn.api.runtime;

/**
 * A layer over image batches that can also run channels-last: [batch, height, width, channels]
 * instead of [batch, channels, height, width]. oneDNN's fast convolution and pooling kernels
 * work channels-last on the CPU, so a chain such as conv2d → relu → maxpool2d that stays in
 * that layout pays no reorder between its ops. The network decides the layout of each value
 * once, when it is built; a layer that does not implement this interface always sees
 * channels-first batches, whatever its neighbours do.
 */
public interface ChannelsLast {

    /** How the layer takes part in a channels-last chain. */
    enum Role {
        /** Worth starting a chain for: its kernels are faster channels-last (convolution, pooling). */
        PREFERS,
        /** Element by element, so any layout will do: joins a chain its input is already in (relu). */
        FOLLOWS,
        /** Cannot, in this configuration (a non-element-wise activation, for one). */
        UNABLE
    }

    Role channelsLastRole();

    /**
     * Called once, before the first forward pass, when the network will feed this layer
     * channels-last batches and expects the same layout back from forward (and for the
     * gradients in backward).
     */
    void useChannelsLast();
}
