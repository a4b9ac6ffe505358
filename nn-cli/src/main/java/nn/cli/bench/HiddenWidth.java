package nn.cli.bench;

import nn.api.graph.Graph;
import nn.api.graph.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same model with every hidden dense layer `width` units wide (the last dense layer,
 * which gives the classes, keeps its size): how the benchmark scales an MLP.
 */
public final class HiddenWidth {
    private HiddenWidth() {
    }

    /** The rewritten graph; IllegalArgumentException when the model has no hidden dense layer. */
    public static Graph apply(Graph graph, int width) {
        int last = -1, dense = 0;
        for (int i = 0; i < graph.nodes().size(); i++) {
            if (graph.nodes().get(i).op().equals("dense")) {
                last = i;
                dense++;
            }
        }
        if (dense < 2) {
            throw new IllegalArgumentException("model " + graph.name() + " has no hidden dense layer to widen");
        }
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < graph.nodes().size(); i++) {
            Node n = graph.nodes().get(i);
            if (n.op().equals("dense") && i != last) {
                Map<String, Object> args = new LinkedHashMap<>(n.args());
                args.put("units", width);
                n = new Node(n.name(), n.op(), n.inputs(), args);
            }
            nodes.add(n);
        }
        return new Graph(graph.name(), graph.inputs(), nodes, graph.outputs(), graph.train());
    }
}
