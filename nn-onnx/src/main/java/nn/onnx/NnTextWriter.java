package nn.onnx;

import nn.api.graph.Shape;
import nn.api.registry.Registry;
import nn.api.schema.Param;
import nn.api.spi.Provider;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes imported nodes as `.nn` text: a chain for every run of nodes that feed only the next
 * one, each chain ending in a name (the ONNX node's), merges as calls, arguments that differ
 * from the operation's defaults. The nodes appear in the text in the order given, which is the
 * order the compiler gives them back.
 */
final class NnTextWriter {
    private static final int STEPS_PER_LINE = 3;

    private final Registry registry;

    NnTextWriter(Registry registry) {
        this.registry = registry;
    }

    /** The model, and the train section's text (null for none). */
    String write(String header, String model, String input, Shape shape, List<NnNode> nodes, List<String> outputs, String train) {
        Map<String, Integer> readers = new HashMap<>();
        for (NnNode n : nodes) for (String in : n.inputs()) readers.merge(in, 1, Integer::sum);
        Set<String> outputSet = new HashSet<>(outputs);

        StringBuilder text = new StringBuilder();
        header.lines().forEach(line -> text.append("// ").append(line).append('\n'));
        text.append("model ").append(model).append(" {\n");
        text.append("    input ").append(input).append(": ").append(shape).append('\n');
        List<NnNode> chain = new ArrayList<>();
        for (NnNode n : nodes) {
            boolean continues = !chain.isEmpty() && !n.isMerge() && n.inputs().size() == 1
                    && n.inputs().get(0).equals(last(chain).name())
                    && readers.getOrDefault(last(chain).name(), 0) == 1 && !outputSet.contains(last(chain).name());
            if (!continues && !chain.isEmpty()) {
                chain(text, chain);
                chain.clear();
            }
            chain.add(n);
        }
        if (!chain.isEmpty()) chain(text, chain);
        text.append("    output ").append(String.join(", ", outputs)).append("\n}\n");
        if (train != null) text.append('\n').append(train);
        return text.toString();
    }

    private void chain(StringBuilder text, List<NnNode> chain) {
        NnNode first = chain.get(0);
        List<String> steps = new ArrayList<>();
        String start;
        if (first.isMerge()) {
            start = last(chain).name() + " = " + call(first, first.inputs());
        } else {
            start = first.inputs().get(0);
            steps.add(call(first, List.of()));
        }
        for (NnNode n : chain.subList(1, chain.size())) steps.add(call(n, List.of()));
        if (!first.isMerge()) steps.add(last(chain).name());
        StringBuilder line = new StringBuilder("    ").append(start);
        String indent = " ".repeat(4 + (first.isMerge() ? 0 : start.length() - 3) + 1);
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0 && i % STEPS_PER_LINE == 0) line.append('\n').append(indent.length() < 6 ? "      " : indent).append("-> ");
            else line.append(" -> ");
            line.append(steps.get(i));
        }
        text.append(line).append('\n');
    }

    /** `op(positional nodes, the first parameter by position when it is required, the rest named)`. */
    private String call(NnNode n, List<String> nodeArgs) {
        Provider provider = registry.operation(n.op());
        List<String> parts = new ArrayList<>(nodeArgs);
        List<Param> params = provider.schema().params();
        for (Map.Entry<String, Object> e : n.args().entrySet()) {
            Param param = params.stream().filter(p -> p.name().equals(e.getKey())).findFirst().orElseThrow();
            if (!param.isRequired() && sameValue(param.defaultValue(), e.getValue())) continue;
            boolean positional = param.isRequired() && params.indexOf(param) == 0 && nodeArgs.isEmpty();
            parts.add((positional ? "" : e.getKey() + " = ") + literal(e.getValue()));
        }
        return n.op() + "(" + String.join(", ", parts) + ")";
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.floatValue() == y.floatValue(); // ONNX attributes are floats
        return Objects.equals(a, b);
    }

    static String literal(Object value) {
        if (value instanceof String s) return "\"" + s + "\"";
        if (value instanceof Double || value instanceof Float) return Float.toString(((Number) value).floatValue()).replace('E', 'e');
        if (value instanceof List<?> list) return list.stream().map(NnTextWriter::literal).collect(Collectors.joining(", ", "[", "]"));
        return String.valueOf(value);
    }

    private static NnNode last(List<NnNode> chain) {
        return chain.get(chain.size() - 1);
    }
}
