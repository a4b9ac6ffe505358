package nn.stdlib;

import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.registry.Registry;
import nn.api.runtime.Layer;
import nn.api.schema.Args;
import nn.api.spi.LayerProvider;
import nn.api.spi.Provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Calls of standard operations as a `.nn` file would make them: arguments bound by the schema, defaults filled. */
final class StdlibCalls {
    static final Registry REGISTRY = Registry.load();

    private StdlibCalls() {
    }

    /** Binds named arguments against the operation's schema; any problem fails the test. */
    static Args args(String op, Map<String, Object> named) {
        Provider p = REGISTRY.operation(op);
        List<String> problems = new ArrayList<>();
        Args args = p.schema().bind(List.of(), named, (where, message, hint) -> problems.add(message));
        if (!problems.isEmpty()) throw new IllegalArgumentException(op + ": " + problems);
        return args;
    }

    /** The problems binding reports, in order. */
    static List<String> bindingProblems(String op, List<Object> positional, Map<String, Object> named) {
        List<String> problems = new ArrayList<>();
        REGISTRY.operation(op).schema().bind(positional, named, (where, message, hint) -> problems.add(message));
        return problems;
    }

    static LayerProvider layer(String op) {
        return REGISTRY.layers().get(op);
    }

    static Layer create(String op, Shape input, Map<String, Object> named) {
        return layer(op).create(input, args(op, named));
    }

    /** A graph node whose arguments are bound as the DSL binds them. */
    static Node node(String name, String op, String input, Map<String, Object> named) {
        return new Node(name, op, List.of(input), new LinkedHashMap<>(args(op, named).asMap()));
    }
}
