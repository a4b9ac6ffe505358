package nn.dsl;

/** The rule both fuzzers hold every rejected file to: at least one diagnostic, each with a location. */
final class LocatedDiagnostics {
    private LocatedDiagnostics() {
    }

    static void check(CompileException e) {
        if (e.diagnostics().isEmpty()) throw new AssertionError("a CompileException without diagnostics");
        for (Diagnostic d : e.diagnostics()) {
            if (d.line() < 0 || d.column() < 0 || d.source() == null) throw new AssertionError("no location: " + d);
            if (d.line() > 0 && d.column() < 1) throw new AssertionError("no column: " + d);
        }
        e.format(); // formatting a located diagnostic must not fail either
    }
}
