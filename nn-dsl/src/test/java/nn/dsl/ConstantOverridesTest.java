package nn.dsl;

import nn.api.graph.Graph;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** `--set NAME=VALUE`: a file's constants replaced for one run, type-checked, unknown names refused. */
class ConstantOverridesTest {

    static final String FILE = """
            let width = 128
            let rate = 1e-3
            let init = "he"
            let norm = [0.5, 0.5]
            let bias = true
            let wide = width
            model m {
                input image: [1, 28, 28]
                image -> flatten() -> dense(width, init = init, bias = bias) -> relu() -> dense(wide) -> dense(10) -> logits
                output logits
            }
            train {
                data      = mnist(normalize = norm)
                loss      = cross_entropy(logits, label)
                optimizer = adam(lr = rate)
            }
            """;

    static Graph compile(String... sets) {
        return ModelCompiler.compile("test.nn", FILE, Registries.real(), SourceReader.FILES,
                ConstantOverrides.parse(List.of(sets))).graph();
    }

    static String error(String... sets) {
        CompileException e = assertThrows(CompileException.class, () -> compile(sets));
        return e.format();
    }

    @Test
    void everyKindOfConstantCanBeReplacedAndLaterConstantsSeeTheNewValue() {
        Graph g = compile("width=256", "rate=3e-3", "init=xavier", "norm=[0.1307, 0.3081]", "bias=false");
        assertEquals(256, g.node("dense_1").args().get("units"));
        assertEquals(256, g.node("dense_2").args().get("units"), "let wide = width sees the new width");
        assertEquals("xavier", g.node("dense_1").args().get("init"));
        assertEquals(false, g.node("dense_1").args().get("bias"));
        assertEquals(3e-3, g.train().optimizer().args().get("lr"));
        assertEquals(List.of(0.1307, 0.3081), g.train().data().args().get("normalize"));
    }

    @Test
    void anIntIsAcceptedForAFloatAndAQuotedStringForAString() {
        Graph g = compile("rate=1", "init=\"xavier\"");
        assertEquals(1.0, g.train().optimizer().args().get("lr"));
        assertEquals("xavier", g.node("dense_1").args().get("init"));
    }

    @Test
    void aValueOfAnotherTypeIsOneLineNamingTheOptionAndTheFilesValue() {
        assertEquals("--set width=2.5: error: 'width' is an int (let width = 128 at test.nn:1:5), and 2.5 is a float\n",
                error("width=2.5"));
        assertEquals("--set bias=1: error: 'bias' is a bool (let bias = true at test.nn:5:5), and 1 is an int\n",
                error("bias=1"));
        assertEquals("--set norm=[\"a\"]: error: 'norm' is a list of floats (let norm = [0.5, 0.5] at test.nn:4:5),"
                + " and [\"a\"] is a list of strings\n", error("norm=[\"a\"]"));
    }

    @Test
    void textThatIsNoValueIsRefused() {
        assertEquals("--set width=12x: error: '12x' is not a value: write a number, a string, true, false or a list"
                + " like [1, 2]\n", error("width=12x"));
        assertEquals("--set rate=: error: '' is not a value: write a number, a string, true, false or a list"
                + " like [1, 2]\n", error("rate="));
    }

    @Test
    void anUnknownNameIsAnErrorWithADidYouMean() {
        assertEquals("--set widht=256: error: the file has no constant 'widht'; did you mean 'width'?\n",
                error("widht=256"));
        assertEquals("--set depth=3: error: the file has no constant 'depth'; its constants are width, rate, init,"
                + " norm, bias, wide\n", error("depth=3"));
    }

    @Test
    void malformedAndRepeatedAssignmentsAreRefusedBeforeCompiling() {
        CompileException e = assertThrows(CompileException.class, () -> ConstantOverrides.parse(List.of("width")));
        assertEquals("--set width: error: expected NAME=VALUE, the name of a let constant of the file"
                + " (--set width=256)\n", e.format());
        e = assertThrows(CompileException.class, () -> ConstantOverrides.parse(List.of("width=1", "width=2")));
        assertEquals("--set width=2: error: 'width' is set twice\n", e.format());
    }

    @Test
    void overridesKeepTheirOrder() {
        assertEquals(List.of("b", "a"), List.copyOf(ConstantOverrides.parse(List.of("b=1", "a=2")).values().keySet()));
        assertEquals(Map.of(), ConstantOverrides.parse(List.of()).values());
    }
}
