package nn.dsl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DiagnosticTest {

    @Test
    void theFormat() {
        Diagnostic d = new Diagnostic("examples/bad.nn", 3, 27, 6, "unknown operation 'dense2'",
                "did you mean 'dense'?", "    image -> flatten() -> dense2(128)");
        assertEquals("""
                examples/bad.nn:3:27: error: unknown operation 'dense2'
                    image -> flatten() -> dense2(128)
                                          ^~~~~~
                  hint: did you mean 'dense'?
                """, d.format());
    }

    @Test
    void noHintNoHintLine() {
        Diagnostic d = new Diagnostic("a.nn", 1, 1, 1, "oops", null, "x");
        assertEquals("a.nn:1:1: error: oops\nx\n^\n", d.format());
    }

    @Test
    void tabsAreKeptSoTheCaretLinesUp() {
        Diagnostic d = new Diagnostic("a.nn", 2, 3, 4, "m", null, "\t\trelu");
        assertEquals("a.nn:2:3: error: m\n\t\trelu\n\t\t^~~~\n", d.format());
    }

    @Test
    void theSpanStopsAtTheEndOfTheLineAndIsNeverEmpty() {
        assertEquals("a.nn:1:3: error: m\nab(\n  ^\n",
                new Diagnostic("a.nn", 1, 3, Integer.MAX_VALUE, "m", null, "ab(").format());
        assertEquals("a.nn:1:4: error: m\nab(\n   ^\n",
                new Diagnostic("a.nn", 1, 4, 0, "m", null, "ab(").format());
    }

    @Test
    void aProblemWithTheWholeFileHasNoExcerpt() {
        assertEquals("a.nn: error: no model in this file\n  hint: write one\n",
                new Diagnostic("a.nn", 0, 0, 1, "no model in this file", "write one", null).format());
    }

    @Test
    void diagnosticsComeInSourceOrderWithTheSourceLine() {
        CompileException e = assertThrows(CompileException.class, () -> ModelCompiler.compile("x.nn", """
                model m {
                    input x: [4]
                    x -> dense(4, bais = true) -> dense2(3) -> y
                    output z
                }
                """, Registries.real()));
        List<Diagnostic> ds = e.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(List.of(3, 3, 4), ds.stream().map(Diagnostic::line).toList());
        assertEquals(List.of(19, 35, 12), ds.stream().map(Diagnostic::column).toList());
        assertEquals("    output z", ds.get(2).sourceLine());
        assertEquals("x.nn:3:19: unknown parameter 'bais' (and 2 more)", e.getMessage());
    }
}
