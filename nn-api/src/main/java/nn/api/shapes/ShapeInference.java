package nn.api.shapes;

import nn.api.graph.Graph;
import nn.api.graph.GraphInput;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.graph.ShapeException;
import nn.api.graph.TensorSize;
import nn.api.plugin.ProviderFailure;
import nn.api.registry.Registry;
import nn.api.runtime.ParamSpec;
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
                Args args = new Args(node.args());
                Shape output = outputShape(provider, inputs, args);
                String tooLarge = provider instanceof LayerProvider layer ? parameterTooLarge(layer, inputs.get(0), args) : null;
                if (tooLarge != null) failures.add(new Failure(node.name(), node.op() + ": " + tooLarge));
                else shapes.put(node.name(), output);
            } catch (ShapeException e) {
                failures.add(new Failure(node.name(), e.getMessage()));
            } catch (Shape.TooLarge e) { // an output or an input to it beyond the tensor cap: the input's fault
                failures.add(new Failure(node.name(), node.op() + ": " + e.getMessage()));
            } catch (RuntimeException | LinkageError e) { // a bug in the provider: name it, go on checking
                failures.add(new Failure(node.name(),
                        ProviderFailure.describe(node.op(), provider.getClass(), "while checking shapes", e)));
            }
        }
        return new Result(shapes, failures);
    }

    /**
     * Why one of the layer's parameter tensors is too large to exist (`dense(2147483647)` after
     * 784 features), or null. The layer is made only to read its parameter shapes: making a
     * layer allocates nothing.
     */
    private static String parameterTooLarge(LayerProvider provider, Shape input, Args args) {
        List<ParamSpec> specs;
        try {
            specs = provider.create(input, args).parameters();
        } catch (RuntimeException e) { // a layer that cannot be made before training: building the network checks it
            return null;
        }
        for (ParamSpec spec : specs) {
            String problem = TensorSize.tooLarge("its parameter " + spec.name(), spec.shape());
            if (problem != null) return problem;
        }
        return null;
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
