package nn.dsl;

import nn.api.graph.Graph;
import nn.api.graph.GraphInput;
import nn.api.graph.Node;

import java.util.HashSet;
import java.util.Set;

/**
 * Warns about inputs and nodes that nothing reads: not another node, not an output, not the
 * loss. Usually a chain someone forgot to connect; it does not stop the compilation.
 */
final class UnusedNodes {
    private UnusedNodes() {
    }

    static void warn(Graph graph, GraphParts parts, Reporter reporter) {
        Set<String> read = new HashSet<>(graph.outputs());
        for (Node n : graph.nodes()) read.addAll(n.inputs());
        if (graph.train() != null && graph.train().loss() != null && graph.train().loss().output() != null) {
            read.add(graph.train().loss().output());
        }
        for (GraphInput in : graph.inputs()) {
            if (!read.contains(in.name())) warn(parts.origins.get(in.name()), "input '" + in.name() + "' is never used", reporter);
        }
        for (Node n : graph.nodes()) {
            if (!read.contains(n.name())) {
                warn(parts.origins.get(n.name()), "node '" + n.name() + "' is never used", reporter);
            }
        }
    }

    private static void warn(GraphParts.Origin origin, String message, Reporter reporter) {
        if (origin == null) return;
        reporter.within(origin.context(), () -> reporter.warning(origin.at(), message,
                "connect it to the rest of the model, make it an output, or delete it"));
    }
}
