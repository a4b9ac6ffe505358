package nn.dsl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the diagnostics of one compilation; they are shown in source order. */
final class Reporter {
    private final Source source;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    Reporter(Source source) {
        this.source = source;
    }

    Source source() {
        return source;
    }

    void error(Source.Span at, String message, String hint) {
        diagnostics.add(source.diagnostic(at, message, hint));
    }

    int count() {
        return diagnostics.size();
    }

    boolean hasErrors() {
        return !diagnostics.isEmpty();
    }

    /** Whether some diagnostic already points at this line (to keep one mistake from being reported twice). */
    boolean hasErrorOnLine(int line) {
        for (Diagnostic d : diagnostics) if (d.line() == line) return true;
        return false;
    }

    /** File-level problems first, then by line and column; ties keep the order found (a stable sort). */
    List<Diagnostic> sorted() {
        List<Diagnostic> out = new ArrayList<>(diagnostics);
        out.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return out;
    }
}
