package nn.api.graph;

import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One operation in the graph: a unique name, the provider it calls (`dense`, `relu`, ...),
 * the names of the nodes or inputs it reads, and its bound arguments.
 */
public record Node(String name, String op, List<String> inputs, Map<String, Object> args) {
    public Node {
        inputs = List.copyOf(inputs);
        args = args == null ? Map.of() : new LinkedHashMap<>(args);
    }
}
