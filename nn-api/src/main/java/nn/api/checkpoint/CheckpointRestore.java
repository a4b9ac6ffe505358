package nn.api.checkpoint;

import nn.api.network.Network;
import nn.api.network.NetworkBuilder;
import nn.api.registry.Registry;

/** Rebuilds the trained network a checkpoint holds: the graph's layers with the saved parameters. */
public final class CheckpointRestore {
    private CheckpointRestore() {
    }

    public static Network network(Checkpoint checkpoint, Registry registry) {
        Network network = new NetworkBuilder(registry).build(checkpoint.graph());
        if (network.parameterCount() != checkpoint.params().length()) {
            throw new IllegalArgumentException("the checkpoint holds " + checkpoint.params().length()
                    + " parameters but its graph needs " + network.parameterCount());
        }
        if (network.params() != null) {
            network.params().assign(checkpoint.params().reshape(network.params().shape()).castTo(network.params().dataType()));
        }
        network.restoreLayerState(checkpoint.layerState());
        return network;
    }
}
