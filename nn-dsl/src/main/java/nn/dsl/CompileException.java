package nn.dsl;

import java.util.List;

/**
 * A `.nn` file that cannot be compiled: every problem found in it (errors, and any warnings),
 * in source order.
 * The only exception {@link ModelCompiler} throws for bad input.
 */
public class CompileException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public CompileException(List<Diagnostic> diagnostics) {
        super(summary(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The full text of every diagnostic, one after another, as printed to the user. */
    public String format() {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) out.append(d.format());
        return out.toString();
    }

    private static String summary(List<Diagnostic> diagnostics) {
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
        if (errors.isEmpty()) return "compilation failed";
        Diagnostic first = errors.get(0);
        String where = first.source() + (first.line() > 0 ? ":" + first.line() + ":" + first.column() : "");
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        return where + ": " + first.message() + more;
    }
}
