package nn.api.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ordered parameters of one provider; binds positional and named arguments against them. */
public final class Schema {

    /** Where an argument problem lies: the index of a positional argument, or a name, or neither. */
    public record ArgRef(int position, String name) {
        public static final ArgRef CALL = new ArgRef(-1, null);
    }

    /** Receives each problem found while binding, so the caller can point at the argument. */
    public interface ProblemSink {
        void problem(ArgRef where, String message, String hint);
    }

    private final List<Param> params;

    public Schema(List<Param> params) {
        this.params = List.copyOf(params);
    }

    public static Schema of(Param... params) {
        return new Schema(List.of(params));
    }

    public static Schema empty() {
        return new Schema(List.of());
    }

    public List<Param> params() {
        return params;
    }

    public Param find(String name) {
        for (Param p : params) if (p.name().equals(name)) return p;
        return null;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Param p : params) names.add(p.name());
        return names;
    }

    /**
     * Binds arguments: positional ones in declaration order, then named ones; coerces types,
     * checks ranges, fills defaults. Every problem goes to the sink; the result holds what bound.
     */
    public Args bind(List<Object> positional, Map<String, Object> named, ProblemSink sink) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < positional.size(); i++) {
            if (i >= params.size()) {
                sink.problem(new ArgRef(i, null), "too many arguments: expected at most " + params.size(),
                        params.isEmpty() ? "it takes no arguments" : "parameters are " + signatures());
                continue;
            }
            accept(params.get(i), positional.get(i), new ArgRef(i, null), values, sink);
        }
        for (Map.Entry<String, Object> e : named.entrySet()) {
            Param p = find(e.getKey());
            ArgRef where = new ArgRef(-1, e.getKey());
            if (p == null) {
                String guess = Suggest.closest(e.getKey(), names());
                sink.problem(where, "unknown parameter '" + e.getKey() + "'",
                        guess != null ? "did you mean '" + guess + "'?"
                                : params.isEmpty() ? "it takes no parameters" : "parameters are " + signatures());
                continue;
            }
            if (values.containsKey(p.name())) {
                sink.problem(where, "parameter '" + p.name() + "' is given twice", null);
                continue;
            }
            accept(p, e.getValue(), where, values, sink);
        }
        for (Param p : params) {
            if (!values.containsKey(p.name())) {
                if (p.isRequired()) {
                    sink.problem(ArgRef.CALL, "missing required parameter '" + p.name() + "'", p.signature());
                } else {
                    values.put(p.name(), p.defaultValue());
                }
            }
        }
        return new Args(values);
    }

    /** Binds with every default and no arguments; for providers used without a call. */
    public Args defaults() {
        return bind(List.of(), Map.of(), (w, m, h) -> {
            throw new IllegalStateException(m);
        });
    }

    private void accept(Param p, Object raw, ArgRef where, Map<String, Object> values, ProblemSink sink) {
        if (p.type().takesInt() && ParamType.tooLargeForInt(raw)) {
            sink.problem(where, "'" + p.name() + "' is " + raw + ", too large for an int", p.signature());
            return;
        }
        Object value = p.type().coerce(raw);
        if (value == null) {
            sink.problem(where, "'" + p.name() + "' must be " + article(p.type().word()) + ", not "
                    + article(ParamType.describe(raw)), p.signature());
            return;
        }
        String problem = p.check(value);
        if (problem != null) {
            sink.problem(where, problem, null);
            return;
        }
        values.put(p.name(), value);
    }

    private static String article(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    public String signatures() {
        List<String> s = new ArrayList<>();
        for (Param p : params) s.add(p.signature());
        return String.join(", ", s);
    }

    @Override
    public String toString() {
        return "(" + String.join(", ", Collections.unmodifiableList(names())) + ")";
    }
}
