package nn.api.graph;

import nn.api.registry.Registry;
import nn.api.schema.Args;
import nn.api.spi.LayerProvider;
import nn.api.spi.Provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes every node's output shape from the inputs' shapes through the providers' shape
 * rules. Runs before anything is allocated and loads no native code. Every failure is
 * collected (a node after a failed one is skipped, not reported again).
 */
public final class ShapeInference {

    /** A node whose shape cannot be computed, and why. */
    public record Failure(String node, String message) {
    }

    public record Result(Map<String, Shape> shapes, List<Failure> failures) {
        public boolean ok() {
            return failures.isEmpty();
        }
    }

    private ShapeInference() {
    }

    public static Result run(Graph graph, Registry registry) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        List<Failure> failures = new ArrayList<>();
        for (GraphInput in : graph.inputs()) shapes.put(in.name(), in.shape());
        for (Node node : graph.nodes()) {
            if (node.inputs().size() != 1) {
                failures.add(new Failure(node.name(), "'" + node.op() + "' takes exactly one input, got "
                        + node.inputs().size()));
                continue;
            }
            Shape input = shapes.get(node.inputs().get(0));
            if (input == null) continue; // its input failed already, or is unknown (reported by the parser)
            Provider provider = registry.operation(node.op());
            if (provider == null) {
                failures.add(new Failure(node.name(), "unknown operation '" + node.op() + "'"));
                continue;
            }
            if (provider instanceof LayerProvider layer) {
                try {
                    shapes.put(node.name(), layer.outputShape(input, new Args(node.args())));
                } catch (ShapeException e) {
                    failures.add(new Failure(node.name(), e.getMessage()));
                }
            } else {
                shapes.put(node.name(), input); // activations keep the shape
            }
        }
        return new Result(shapes, failures);
    }
}
