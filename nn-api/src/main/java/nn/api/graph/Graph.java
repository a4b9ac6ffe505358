package nn.api.graph;

import java.util.List;

/**
 * A model as data: inputs, nodes in a topological order, outputs, and the training setup.
 * The DSL produces it; the network builder, checkpoints and tools consume it. Serialised
 * as JSON with Jackson ({@link GraphJson}).
 */
public record Graph(String name, List<GraphInput> inputs, List<Node> nodes, List<String> outputs, TrainSpec train) {
    public Graph {
        inputs = List.copyOf(inputs);
        nodes = List.copyOf(nodes);
        outputs = List.copyOf(outputs);
    }

    /** The same model with another train section (the one a run really used, overrides applied). */
    public Graph withTrain(TrainSpec train) {
        return new Graph(name, inputs, nodes, outputs, train);
    }

    public Node node(String name) {
        for (Node n : nodes) if (n.name().equals(name)) return n;
        return null;
    }
}
