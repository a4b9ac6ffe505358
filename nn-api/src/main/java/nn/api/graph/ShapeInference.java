package nn.api.graph;

import nn.api.plugin.ProviderFailure;
import nn.api.registry.Registry;
import nn.api.schema.Args;
import nn.api.spi.LayerProvider;
import nn.api.spi.MergeProvider;
import nn.api.spi.Provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes every node's output shape from the inputs' shapes through the providers' shape
 * rules, in graph order (which is topological). Runs before anything is allocated and loads
 * no native code. Every failure is collected; a node whose input failed is skipped, not
 * reported again.
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
            List<Shape> inputs = new ArrayList<>();
            for (String name : node.inputs()) inputs.add(shapes.get(name));
            if (inputs.contains(null)) continue; // an input failed already, or is unknown (reported by the parser)
            Provider provider = registry.operation(node.op());
            if (provider == null) {
                failures.add(new Failure(node.name(), "unknown operation '" + node.op() + "' (from a plugin? load it with --plugins DIR)"));
                continue;
            }
            String arity = arityProblem(provider, node);
            if (arity != null) {
                failures.add(new Failure(node.name(), arity));
                continue;
            }
            try {
                shapes.put(node.name(), outputShape(provider, inputs, new Args(node.args())));
            } catch (ShapeException e) {
                failures.add(new Failure(node.name(), e.getMessage()));
            } catch (RuntimeException | LinkageError e) { // a bug in the provider: name it, go on checking
                failures.add(new Failure(node.name(),
                        ProviderFailure.describe(node.op(), provider.getClass(), "while checking shapes", e)));
            }
        }
        return new Result(shapes, failures);
    }

    private static Shape outputShape(Provider provider, List<Shape> inputs, Args args) throws ShapeException {
        if (provider instanceof MergeProvider merge) return merge.outputShape(inputs, args);
        if (provider instanceof LayerProvider layer) return layer.outputShape(inputs.get(0), args);
        return inputs.get(0); // activations keep the shape
    }

    /** A message when the node has the wrong number of inputs for its operation, else null. */
    public static String arityProblem(Provider provider, Node node) {
        int n = node.inputs().size();
        if (provider instanceof MergeProvider merge) {
            return n >= merge.minInputs() ? null
                    : "'" + node.op() + "' takes at least " + merge.minInputs() + " inputs, got " + n;
        }
        return n == 1 ? null : "'" + node.op() + "' takes exactly one input, got " + n;
    }
}
