package nn.api.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which initialiser a parameter starts from, with its arguments: {@code Init.of("he")},
 * {@code Init.constant(0.25)}, {@code Init.of("normal", 0.02)}, or the same written as text,
 * {@code Init.parse("normal(std = 0.02)")}. The arguments are bound against the initialiser's
 * own schema (types, ranges, defaults) when the network is built, like any provider's.
 */
public record Init(String name, List<Object> positional, Map<String, Object> named) {

    public Init {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("an initialiser's name is a lower-case identifier, not '" + name + "'");
        }
        positional = List.copyOf(positional);
        named = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(named));
    }

    /** An initialiser by name with positional arguments, e.g. {@code Init.of("uniform", 0.05)}. */
    public static Init of(String name, Object... positional) {
        return new Init(name, List.of(positional), Map.of());
    }

    /** Every element {@code value}: a PReLU slope at 0.25, a gate bias at 1. */
    public static Init constant(double value) {
        return of("constant", value);
    }

    /**
     * Reads {@code he}, {@code constant(0.25)}, {@code normal(0.02)} or {@code normal(std = 0.02, mean = 0)}:
     * a name, then optionally arguments in parentheses (numbers, true/false, quoted strings).
     */
    public static Init parse(String text) {
        String s = text.strip();
        int open = s.indexOf('(');
        if (open < 0) return new Init(s, List.of(), Map.of());
        if (!s.endsWith(")")) throw new IllegalArgumentException("initialiser '" + text + "': missing ')'");
        String name = s.substring(0, open).strip();
        String inside = s.substring(open + 1, s.length() - 1).strip();
        List<Object> positional = new ArrayList<>();
        Map<String, Object> named = new LinkedHashMap<>();
        if (!inside.isEmpty()) {
            for (String part : inside.split(",")) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    if (!named.isEmpty()) {
                        throw new IllegalArgumentException("initialiser '" + text + "': a positional argument after a named one");
                    }
                    positional.add(value(part.strip(), text));
                } else {
                    named.put(part.substring(0, eq).strip(), value(part.substring(eq + 1).strip(), text));
                }
            }
        }
        return new Init(name, positional, named);
    }

    private static Object value(String literal, String text) {
        if (literal.equals("true") || literal.equals("false")) return Boolean.parseBoolean(literal);
        if (literal.length() >= 2 && literal.startsWith("\"") && literal.endsWith("\"")) {
            return literal.substring(1, literal.length() - 1);
        }
        try {
            if (literal.matches("[-+]?\\d+")) return Long.parseLong(literal);
            return Double.parseDouble(literal);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("initialiser '" + text + "': '" + literal + "' is not a number, true, false or a quoted string");
        }
    }

    /** The text {@link #parse} reads back. */
    @Override
    public String toString() {
        if (positional.isEmpty() && named.isEmpty()) return name;
        List<String> parts = new ArrayList<>();
        for (Object v : positional) parts.add(literal(v));
        named.forEach((k, v) -> parts.add(k + " = " + literal(v)));
        return name + "(" + String.join(", ", parts) + ")";
    }

    private static String literal(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }
}
