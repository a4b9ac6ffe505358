package nn.dsl;

import nn.api.graph.Graph;
import nn.api.graph.Shape;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked model: its graph, the output shape of every input and node (in graph order),
 * the source text it came from (kept in checkpoints), the file it was read from (null when
 * compiled from a string), the warnings found (never errors), and the block uses the graph
 * was expanded from: the path each use's nodes are named under (`res1` for `res1.dense_1`)
 * to the block's name. A use's output node is named by the use itself (`res1`).
 */
public record Compiled(Graph graph, Map<String, Shape> shapes, String source, Path file,
                       List<Diagnostic> warnings, Map<String, String> blocks) {
    public Compiled {
        shapes = Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        blocks = blocks == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
    }

    public Compiled(Graph graph, Map<String, Shape> shapes, String source, Path file) {
        this(graph, shapes, source, file, List.of(), Map.of());
    }

    /** The same model, read from this file. */
    Compiled withFile(Path file) {
        return new Compiled(graph, shapes, source, file, warnings, blocks);
    }
}
