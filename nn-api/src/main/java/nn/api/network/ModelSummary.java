package nn.api.network;

import nn.api.graph.Graph;
import nn.api.graph.GraphInput;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.graph.TensorSize;
import nn.api.registry.Registry;
import nn.api.runtime.ParamSpec;
import nn.api.schema.Args;
import nn.api.spi.LayerProvider;
import nn.api.spi.Provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of `nn check`: each input and node with its output shape and parameter count.
 * Computed from providers alone, without allocating arrays or loading native code.
 */
public final class ModelSummary {

    /** One line: the node, its operation, output shape, parameter count and the values it reads. */
    public record Row(String name, String op, Shape shape, long parameters, List<String> inputs) {
    }

    private ModelSummary() {
    }

    public static List<Row> rows(Graph graph, Map<String, Shape> shapes, Registry registry) {
        List<Row> rows = new ArrayList<>();
        for (GraphInput in : graph.inputs()) rows.add(new Row(in.name(), "input", in.shape(), 0, List.of()));
        for (Node node : graph.nodes()) {
            Provider p = registry.operation(node.op());
            long count = 0;
            if (p instanceof LayerProvider layer && node.inputs().size() == 1) {
                for (ParamSpec spec : layer.create(shapes.get(node.inputs().get(0)), new Args(node.args())).parameters()) {
                    count = TensorSize.add(count, spec.size());
                }
            }
            rows.add(new Row(node.name(), node.op(), shapes.get(node.name()), count, node.inputs()));
        }
        return rows;
    }

    public static long total(List<Row> rows) {
        long total = 0;
        for (Row r : rows) total = TensorSize.add(total, r.parameters()); // saturates: a sum that wraps reads as a small model
        return total;
    }
}
