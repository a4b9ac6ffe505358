package nn.dsl;

import org.antlr.v4.runtime.Token;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The names visible in the model, or in one use of a block: each local name and the graph
 * node it stands for. Nodes of a block use are named after the use (`res1.dense_1`), and the
 * block's output node takes the use's own name (`res1`), so the graph reads like the file.
 * A use nested in a block is named by its path: `stage1.res2.dense_1`.
 */
final class Scope {
    private final String prefix;
    private final String outputLocal;
    private final String outputGraph;
    private final Values values;
    private final ArgumentBinder binder;
    /** Local name to graph name; null when what defined it failed (then uses are not reported again). */
    private final Map<String, String> names = new LinkedHashMap<>(); // before values, which reads it
    private final Map<String, Source.Span> spans = new HashMap<>();
    private final Map<String, Token> declared = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();

    private Scope(String prefix, String outputLocal, String outputGraph, Values values, Reporter reporter) {
        this.prefix = prefix;
        this.outputLocal = outputLocal;
        this.outputGraph = outputGraph;
        this.values = values.withNodes(names::containsKey);
        this.binder = new ArgumentBinder(reporter, this.values);
    }

    static Scope model(Values values, Reporter reporter) {
        return new Scope("", null, null, values, reporter);
    }

    /**
     * The scope of one use of a block: its nodes are named `path.local`, except its output
     * (called `output` inside), which is named `outputGraph`, the use's own graph name.
     */
    static Scope block(String path, String output, String outputGraph, Values values, Reporter reporter) {
        return new Scope(path + ".", output, outputGraph, values, reporter);
    }

    /** The path of a block used here under this local name: what its nodes' names start with. */
    String path(String local) {
        return prefix + local;
    }

    boolean isModel() {
        return prefix.isEmpty();
    }

    Values values() {
        return values;
    }

    ArgumentBinder binder() {
        return binder;
    }

    /** The graph name of a node defined here under this local name. */
    String graphName(String local) {
        return local.equals(outputLocal) ? outputGraph : prefix + local;
    }

    boolean has(String local) {
        return names.containsKey(local);
    }

    /** The graph node a local name stands for (null if it failed or is unknown). */
    String resolve(String local) {
        return names.get(local);
    }

    Set<String> localNames() {
        return names.keySet();
    }

    Source.Span span(String local) {
        return spans.get(local);
    }

    /** Makes a local name stand for a graph node (a block's input, a defined node). */
    void bind(String local, String graph, Source.Span at) {
        names.put(local, graph);
        spans.put(local, at);
    }

    /** Notes a name written in this scope, before anything is built: for auto-naming and "defined later" hints. */
    void declare(Token name) {
        if (name != null) declared.putIfAbsent(name.getText(), name);
    }

    Token declared(String local) {
        return declared.get(local);
    }

    /** `dense_1`, `dense_2`, ...: per operation, skipping names written in this scope. */
    String autoName(String op) {
        String name;
        do {
            int k = counters.merge(op, 1, Integer::sum);
            name = op + "_" + k;
        } while (declared.containsKey(name) || names.containsKey(name));
        return name;
    }
}
