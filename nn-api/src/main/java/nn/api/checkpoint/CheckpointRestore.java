package nn.api.checkpoint;

import nn.api.graph.Graph;
import nn.api.graph.Node;
import nn.api.network.Network;
import nn.api.network.NetworkBuilder;
import nn.api.registry.Registry;
import nn.api.spi.Provider;

import java.util.List;

/** Rebuilds the trained network a checkpoint holds: the graph's layers with the saved parameters. */
public final class CheckpointRestore {
    private CheckpointRestore() {
    }

    /**
     * The graph came from a file, so its arguments are checked against each provider's schema
     * (types and ranges, as the compiler checks a `.nn` file) and its parameter count against the
     * saved parameters, both before anything is allocated.
     */
    public static Network network(Checkpoint checkpoint, Registry registry) {
        checkArguments(checkpoint.graph(), registry);
        Network network = new NetworkBuilder(registry).expectParameters(checkpoint.params().length())
                .build(checkpoint.graph());
        if (network.params() != null) {
            network.params().assign(checkpoint.params().reshape(network.params().shape()).castTo(network.params().dataType()));
        }
        network.restoreLayerState(checkpoint.layerState());
        return network;
    }

    private static void checkArguments(Graph graph, Registry registry) {
        for (Node node : graph.nodes()) {
            Provider provider = registry.operation(node.op());
            if (provider == null) continue; // the builder names the unknown operation
            provider.schema().bind(List.of(), node.args(), (where, message, hint) -> {
                throw new IllegalArgumentException("node '" + node.name() + "' (" + node.op() + "): "
                        + (where.name() != null && !message.contains(where.name()) ? where.name() + ": " : "") + message);
            });
        }
    }
}
