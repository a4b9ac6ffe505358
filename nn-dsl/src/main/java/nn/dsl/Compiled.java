package nn.dsl;

import nn.api.graph.Graph;
import nn.api.graph.Shape;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checked model: its graph, the output shape of every input and node (in graph order),
 * the source text it came from (kept in checkpoints), and the file it was read from
 * (null when compiled from a string).
 */
public record Compiled(Graph graph, Map<String, Shape> shapes, String source, Path file) {
    public Compiled {
        shapes = Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
    }
}
