package nn.dsl;

import nn.api.graph.Graph;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.shapes.ShapeInference;
import nn.api.registry.Registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link ShapeInference} over the nodes that built cleanly and reports each failure at
 * the call that made the node (with the block uses that led there), in the provider's own
 * words, which say what was expected and what was given. Nodes after a failed or broken one
 * are skipped, not reported again.
 */
final class ShapeChecker {
    private ShapeChecker() {
    }

    static Map<String, Shape> check(GraphBuilder.Built built, Registry registry, Reporter reporter) {
        Graph graph = built.graph();
        List<Node> checkable = new ArrayList<>();
        for (Node n : graph.nodes()) if (built.parts().checkable.contains(n.name())) checkable.add(n);
        Graph partial = new Graph(graph.name(), graph.inputs(), checkable, graph.outputs(), null);
        ShapeInference.Result result;
        try {
            result = ShapeInference.run(partial, registry);
        } catch (RuntimeException e) {
            // A provider's shape rule failed in a way it should not; say so rather than crash.
            reporter.error(built.modelSpan(), "shape inference failed: " + e, "this is a bug in a provider");
            return Map.of();
        }
        for (ShapeInference.Failure f : result.failures()) {
            GraphParts.Origin origin = built.parts().origins.get(f.node());
            if (origin == null) {
                reporter.error(built.modelSpan(), f.message(), null);
            } else {
                reporter.within(origin.context(), () -> reporter.error(origin.at(), f.message(), null));
            }
        }
        return result.shapes();
    }
}
