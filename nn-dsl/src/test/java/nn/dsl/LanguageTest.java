package nn.dsl;

import nn.api.graph.Graph;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The language's pieces one by one: literals, comments, layout, naming. */
class LanguageTest {

    private static Compiled compile(String text) {
        return ModelCompiler.compile("test.nn", text, Registries.withProbe());
    }

    /** The arguments `probe(...)` bound to, for reading literals back. */
    private static Map<String, Object> probe(String args) {
        return compile("model m {\n input x: [2]\n x -> probe(" + args + ") -> y\n output y\n}\n")
                .graph().node("y").args();
    }

    private static String errors(String text) {
        return assertThrows(CompileException.class, () -> compile(text)).format();
    }

    // ------------------------------------------------------------ literals

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.5    | 0.5",
            ".5     | 0.5",
            "1.     | 1.0",
            "-0.1   | -0.1",
            "1e-3   | 0.001",
            "2.5E+4 | 25000.0",
            "-3e2   | -300.0",
            "7      | 7.0",
    })
    void floats(String literal, double value) {
        Object f = probe("f = " + literal).get("f");
        assertEquals(Double.class, f.getClass());
        assertEquals(value, (Double) f, 0.0);
    }

    @Test
    void ints() {
        assertEquals(42, probe("42").get("i"));
        assertEquals(-7, probe("i = -7").get("i"));
        assertEquals(Integer.class, probe("i = 2147483647").get("i").getClass());
    }

    @Test
    void anIntTooLargeForAnIntParameterIsAnError() {
        assertTrue(errors("model m {\n input x: [2]\n x -> probe(i = 2147483648) -> y\n output y\n}\n")
                .contains("error: 'i' is 2147483648, too large for an int"));
    }

    @Test
    void boolsAndStrings() {
        Map<String, Object> a = probe("b = true, s = \"he said \\\"hi\\\"\\n\\\\\"");
        assertEquals(true, a.get("b"));
        assertEquals("he said \"hi\"\n\\", a.get("s"));
        assertEquals(false, probe("b = false").get("b"));
        assertEquals("", probe("s = \"\"").get("s"));
    }

    @Test
    void listsNestAndMixTypes() {
        assertEquals(List.of(1, -0.5, "x", List.of(2, true), List.of()),
                probe("l = [1, -0.5, \"x\", [2, true], []]").get("l"));
    }

    @Test
    void positionalArgumentsFollowDeclarationOrderThenNamedOnes() {
        Map<String, Object> a = probe("3, 0.25, s = \"n\"");
        assertEquals(Map.of("i", 3, "f", 0.25, "b", false, "s", "n", "l", List.of()), a);
    }

    @Test
    void aPositionalArgumentAfterANamedOneIsAnError() {
        assertTrue(errors("model m {\n input x: [2]\n x -> probe(i = 1, 2.0) -> y\n output y\n}\n")
                .contains("error: a positional argument cannot follow a named one"));
    }

    @Test
    void aBareNameIsNotAValue() {
        String e = errors("model m {\n input x: [2]\n x -> probe(s = same) -> y\n output y\n}\n");
        assertTrue(e.contains("error: 'same' is not a value here"), e);
        assertTrue(e.contains("hint: a string is written in quotes: \"same\""), e);
    }

    // ------------------------------------------------------------ comments and layout

    @Test
    void commentsLineBreaksAndContinuations() {
        Graph g = compile("""
                /* A block comment
                   over several lines. */
                model m {   // a line comment
                    input x: [1, 2, 2]   /* after a statement */

                    // a comment line between statements
                    x -> flatten()
                      // a comment inside a chain
                      -> dense(/* inside a call */ 3,
                               bias = false)

                      -> probe(l = [
                            1,
                            2,
                         ]) -> y
                    output y
                }
                """).graph();
        assertEquals(List.of("flatten_1", "dense_1", "y"), g.nodes().stream().map(Node::name).toList());
        assertEquals(false, g.node("dense_1").args().get("bias"));
        assertEquals(List.of(1, 2), g.node("y").args().get("l"));
    }

    @Test
    void windowsLineEndingsAndTabs() {
        Compiled c = compile("model m {\r\n\tinput x: [4]\r\n\tx -> dense(2)\r\n\t\t-> y\r\n\toutput y\r\n}\r\n");
        assertEquals(Shape.of(2), c.shapes().get("y"));
    }

    @Test
    void closingBracesMayEndALineAndTheFileNeedsNoFinalLineBreak() {
        Compiled c = compile("model m { input x: [4]\n x -> relu() -> y\n output y }\ntrain { data = mnist()\n"
                + " loss = mse(y, label)\n optimizer = sgd() }");
        assertEquals(Shape.of(4), c.shapes().get("y"));
        assertEquals("sgd", c.graph().train().optimizer().name());
    }

    // ------------------------------------------------------------ naming

    @Test
    void namedNodesAndChainsFromThem() {
        Graph g = compile("""
                model m {
                    input x: [1, 4, 4]
                    h = x -> flatten() -> dense(8)
                    h -> relu() -> a
                    a -> dense(2) -> y
                    output y
                }
                """).graph();
        assertEquals(List.of("flatten_1", "h", "a", "y"), g.nodes().stream().map(Node::name).toList());
        assertEquals(List.of("h"), g.node("a").inputs());
        assertEquals(List.of("a"), g.node("y").inputs());
    }

    @Test
    void generatedNamesAvoidNamesWrittenInTheModel() {
        Graph g = compile("""
                model m {
                    input x: [4]
                    x -> dense(4) -> relu() -> dense(4)
                    dense_1 -> relu() -> relu_1
                    dense_2 = x -> dense(4)
                    output relu_1
                }
                """).graph();
        // `relu_1` and `dense_2` are defined by hand further down: the generated names step over
        // them; `dense_1` is only referred to, so it is the generated one.
        assertEquals(List.of("dense_1", "relu_2", "dense_3", "relu_1", "dense_2"),
                g.nodes().stream().map(Node::name).toList());
        assertEquals(List.of("dense_1"), g.node("relu_1").inputs());
    }

    @Test
    void outputsMayBeSeveralAndDeclaredFirst() {
        Graph g = compile("""
                model m {
                    output a, b
                    input x: [4]
                    x -> dense(3) -> a
                    x -> dense(5) -> b
                }
                """).graph();
        assertEquals(List.of("a", "b"), g.outputs());
    }
}
