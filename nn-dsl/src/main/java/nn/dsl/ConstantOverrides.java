package nn.dsl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values that replace a file's `let` constants for one run (`--set width=256`), so that one
 * file serves many runs. Each maps a constant's name to the value as written on the command
 * line; the compiler reads it with the language's own value syntax and checks it against the
 * type of the file's value ({@link ModelCompiler#compile(java.nio.file.Path, nn.api.registry.Registry,
 * ConstantOverrides)}). Kept in the order given.
 */
public record ConstantOverrides(Map<String, String> values) {

    /** No constant replaced. */
    public static final ConstantOverrides NONE = new ConstantOverrides(Map.of());

    /** The option these come from; errors name it. */
    public static final String OPTION = "--set";

    public ConstantOverrides {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * From `NAME=VALUE` words as the command line gives them. A word that is not an assignment,
     * or a name given twice, is an error naming the word (one line each).
     */
    public static ConstantOverrides parse(List<String> assignments) {
        if (assignments == null || assignments.isEmpty()) return NONE;
        Map<String, String> values = new LinkedHashMap<>();
        List<Diagnostic> errors = new ArrayList<>();
        for (String word : assignments) {
            int eq = word.indexOf('=');
            String name = eq < 0 ? "" : word.substring(0, eq).strip();
            if (eq < 0 || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                errors.add(error(word, "expected NAME=VALUE, the name of a let constant of the file (--set width=256)"));
            } else if (values.containsKey(name)) {
                errors.add(error(word, "'" + name + "' is set twice"));
            } else {
                values.put(name, word.substring(eq + 1).strip());
            }
        }
        if (!errors.isEmpty()) throw new CompileException(errors);
        return new ConstantOverrides(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** How one assignment reads on the command line: `--set width=256`. */
    static String label(String name, String text) {
        return OPTION + " " + name + "=" + text;
    }

    /** A one-line error about an assignment: no file position, the option names the culprit. */
    static Diagnostic error(String assignment, String message) {
        return new Diagnostic(OPTION + " " + assignment, 0, 0, 1, message, null, "");
    }
}
