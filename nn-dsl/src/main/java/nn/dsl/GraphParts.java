package nn.dsl;

import nn.api.graph.GraphInput;
import nn.api.graph.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph under construction: inputs and nodes in definition order (which is topological),
 * where each was written and through which block uses, the nodes fit for shape inference,
 * and the block uses (the path their nodes' names start with, to the block's name). Refuses to grow past {@link #MAX_NODES}.
 */
final class GraphParts {
    static final int MAX_NODES = 10_000;

    /** Where a node or input was written, and the block uses that led there (innermost first). */
    record Origin(Source.Span at, List<Reporter.Frame> context) {
    }

    final List<GraphInput> inputs = new ArrayList<>();
    final List<Node> nodes = new ArrayList<>();
    final Map<String, Origin> origins = new LinkedHashMap<>();
    final Set<String> checkable = new LinkedHashSet<>();
    final Map<String, String> blocks = new LinkedHashMap<>();
    private boolean full;

    void input(GraphInput input, Origin origin) {
        inputs.add(input);
        origins.put(input.name(), origin);
    }

    void node(Node node, Origin origin, boolean ok) {
        nodes.add(node);
        origins.put(node.name(), origin);
        if (ok) checkable.add(node.name());
    }

    /** Whether one more node would exceed the limit; from then on nothing more is built. */
    boolean full() {
        if (nodes.size() >= MAX_NODES) full = true;
        return full;
    }
}
