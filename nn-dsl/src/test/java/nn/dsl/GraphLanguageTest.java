package nn.dsl;

import nn.api.graph.Graph;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Graphs beyond a chain: merges, blocks, repeats, constants and imports, and the warnings. */
class GraphLanguageTest {

    private static Compiled compile(String text) {
        return ModelCompiler.compile("test.nn", text, Registries.real());
    }

    /** Compiles with imported files served from a map, as if they sat next to `main.nn`. */
    private static Compiled compile(String text, Map<String, String> files) {
        SourceReader reader = path -> {
            String t = files.get(path.toString());
            if (t == null) throw new java.nio.file.NoSuchFileException(path.toString());
            return t;
        };
        return ModelCompiler.compile("main.nn", text, Registries.real(), reader);
    }

    private static String errors(String text) {
        return assertThrows(CompileException.class, () -> compile(text)).format();
    }

    private static List<String> names(Graph g) {
        return g.nodes().stream().map(Node::name).toList();
    }

    // ------------------------------------------------------------ merges

    @Test
    void mergesTakeNodesAsPositionalArgumentsAndParametersByName() {
        Compiled c = compile("""
                model m {
                    input a: [8]
                    input b: [4]
                    h = a -> dense(4)
                    s = add(h, b)
                    t = concat(a, s, axis = 0) -> relu()
                    u = t -> add(t)
                    output u
                }
                """);
        Graph g = c.graph();
        assertEquals(List.of("h", "b"), g.node("s").inputs());
        assertEquals(List.of("a", "s"), g.node("concat_1").inputs());
        assertEquals(Map.of("axis", 0), g.node("concat_1").args());
        assertEquals(List.of("t", "t"), g.node("u").inputs(), "the chain's node comes first");
        assertEquals(Shape.of(12), c.shapes().get("t"));
        assertEquals(Shape.of(12), c.shapes().get("u"));
    }

    @Test
    void callsNestAndAStandaloneCallStartsAChain() {
        Graph g = compile("""
                model m {
                    input x: [8]
                    h = x -> dense(8)
                    out = relu(add(x, h)) -> dense(2)
                    output out
                }
                """).graph();
        assertEquals(List.of("x", "h"), g.node("add_1").inputs());
        assertEquals(List.of("add_1"), g.node("relu_1").inputs());
        assertEquals(List.of("relu_1"), g.node("out").inputs());
    }

    @Test
    void severalInputsAndOutputs() {
        Compiled c = compile("""
                model two_heads {
                    input left: [8]
                    input right: [8]
                    joined = concat(left, right) -> dense(16) -> relu()
                    joined -> dense(10) -> classes
                    joined -> dense(1) -> score
                    output classes, score
                }
                """);
        assertEquals(List.of("classes", "score"), c.graph().outputs());
        assertEquals(Shape.of(1), c.shapes().get("score"));
        assertTrue(c.warnings().isEmpty(), c.warnings().toString());
    }

    // ------------------------------------------------------------ blocks

    static final String RESIDUAL = """
            block residual(units, scale = 1) {
                input x
                h = x -> dense(units) -> relu() -> dense(units)
                out = add(x, h) -> relu()
                output out
            }
            """;

    @Test
    void aBlockExpandsIntoPrimitiveNodesNamedAfterItsUse() {
        Compiled c = compile(RESIDUAL + """
                model m {
                    input image: [16]
                    res1 = image -> residual(16)
                    res1 -> residual(units = 16) -> dense(2) -> y
                    output y
                }
                """);
        assertEquals(List.of("res1.dense_1", "res1.relu_1", "res1.h", "res1.add_1", "res1",
                "residual_1.dense_1", "residual_1.relu_1", "residual_1.h", "residual_1.add_1", "residual_1", "y"),
                names(c.graph()));
        assertEquals(List.of("image", "res1.h"), c.graph().node("res1.add_1").inputs());
        assertEquals(List.of("res1"), c.graph().node("residual_1.dense_1").inputs());
        assertEquals(Map.of("res1", "residual", "residual_1", "residual"), c.blocks());
        assertEquals(16, c.graph().node("res1.dense_1").args().get("units"));
    }

    @Test
    void blocksNestAndTheirNodesAreNamedByPath() {
        Compiled c = compile(RESIDUAL + """
                block stage(units) {
                    input x
                    x -> residual(units) -> residual(units) -> y
                    output y
                }
                model m {
                    input v: [8]
                    v -> stage(8) -> s1
                    output s1
                }
                """);
        assertEquals("s1", names(c.graph()).get(names(c.graph()).size() - 1));
        assertTrue(names(c.graph()).contains("s1.residual_1.h"), names(c.graph()).toString());
        assertTrue(names(c.graph()).contains("s1.y.h"), "the inner use named by its local name: " + names(c.graph()));
        assertEquals("stage", c.blocks().get("s1"));
        assertEquals("residual", c.blocks().get("s1.y"));
    }

    @Test
    void blockDefaultsAndConstantsReachTheOperations() {
        Graph g = compile("""
                let width = 32
                block head(classes, units = width, slope = 0.2) {
                    input x
                    x -> dense(units) -> leaky_relu(alpha = slope) -> dense(classes) -> y
                    output y
                }
                model m {
                    input v: [8]
                    v -> head(10) -> a
                    v -> head(3, slope = 0.5) -> b
                    output a, b
                }
                """).graph();
        assertEquals(32, g.node("a.dense_1").args().get("units"));
        assertEquals(0.2, g.node("a.leaky_relu_1").args().get("alpha"));
        assertEquals(0.5, g.node("b.leaky_relu_1").args().get("alpha"));
        assertEquals(3, g.node("b").args().get("units"));
    }

    @Test
    void anErrorInABlockShowsTheUseInANote() {
        String e = errors(RESIDUAL + """
                model m {
                    input image: [1, 28, 28]
                    image -> residual(64) -> r
                    output r
                }
                """);
        assertTrue(e.startsWith("test.nn:3:14: error: dense expects a flat input"), e);
        assertTrue(e.contains("test.nn:9:14: note: in block 'residual', used here\n"
                + "    image -> residual(64) -> r\n"
                + "             ^~~~~~~~~~~~\n"), e);
    }

    // ------------------------------------------------------------ repeat, let

    @Test
    void repeatStacksIdenticalLayers() {
        Compiled c = compile("""
                let depth = 3
                model m {
                    input x: [8]
                    x -> repeat depth { dense(8) -> relu() } -> h
                    h -> repeat 2 { repeat 2 { tanh() } } -> out
                    output out
                }
                """);
        assertEquals(List.of("dense_1", "relu_1", "dense_2", "relu_2", "dense_3", "h",
                "tanh_1", "tanh_2", "tanh_3", "out"), names(c.graph()));
    }

    @Test
    void constantsAreValuesInArgumentsShapesAndTrainSettings() {
        Compiled c = compile("""
                let size = 28
                let hidden = [64, 32]
                let rate = 1e-3
                let batch_size = 16
                model m {
                    input image: [1, size, size]
                    image -> flatten() -> dense(10) -> y
                    output y
                }
                train {
                    data      = mnist(normalize = [0.5, 0.5])
                    loss      = cross_entropy(y, label)
                    optimizer = adam(lr = rate)
                    batch     = batch_size
                }
                """);
        assertEquals(Shape.of(1, 28, 28), c.graph().inputs().get(0).shape());
        assertEquals(1e-3, c.graph().train().optimizer().args().get("lr"));
        assertEquals(16, c.graph().train().settings().batch());
    }

    // ------------------------------------------------------------ imports

    @Test
    void importsAreRelativeToTheImportingFileAndLoadedOnce() {
        Compiled c = compile("""
                import "lib/a.nn"
                import "lib/b.nn"
                model m {
                    input x: [8]
                    x -> wide(8) -> narrow(4) -> y
                    output y
                }
                """, Map.of(
                "lib/a.nn", "import \"common.nn\"\nblock wide(n) {\n input x\n x -> dense(n) -> act() -> y\n output y\n}\n",
                "lib/b.nn", "import \"./common.nn\"\nblock narrow(n) {\n input x\n x -> dense(n) -> y\n output y\n}\n",
                "lib/common.nn", "block act() {\n input x\n x -> relu() -> y\n output y\n}\n"));
        // wide's output is act's use, whose output is relu: both are named after wide's use.
        assertEquals(List.of("wide_1.dense_1", "wide_1", "y"), names(c.graph()));
        assertEquals("relu", c.graph().node("wide_1").op());
        assertEquals(Map.of("wide_1", "wide", "wide_1.y", "act", "y", "narrow"), c.blocks());
    }

    @Test
    void anImportCycleNamesTheChain() {
        CompileException e = assertThrows(CompileException.class, () -> compile(
                "import \"a.nn\"\nmodel m {\n input x: [2]\n x -> relu() -> y\n output y\n}\n",
                Map.of("a.nn", "import \"b.nn\"\n", "b.nn", "import \"a.nn\"\n")));
        assertTrue(e.format().startsWith("b.nn:1:8: error: import cycle: a.nn -> b.nn -> a.nn"), e.format());
        assertTrue(e.format().contains("main.nn:1:8: note: in the file imported here"), e.format());
    }

    @Test
    void theExamplesImportRelativeToTheirOwnDirectory() {
        Path dir = Path.of(System.getProperty("nn.project.dir", "..")).resolve("examples");
        Compiled c = ModelCompiler.compile(dir.resolve("residual.nn"), Registries.real());
        assertTrue(c.blocks().containsValue("residual"));
    }

    // ------------------------------------------------------------ warnings

    @Test
    void unusedNodesAreWarningsThatDoNotFailTheCompilation() {
        Compiled c = compile("""
                model m {
                    input x: [8]
                    input spare: [3]
                    probe = x -> dense(2)
                    x -> dense(4) -> y
                    output y
                }
                """);
        assertEquals(List.of("input 'spare' is never used", "node 'probe' is never used"),
                c.warnings().stream().map(Diagnostic::message).toList());
        assertEquals(Diagnostic.Severity.WARNING, c.warnings().get(0).severity());
        assertTrue(c.warnings().get(1).format().startsWith("test.nn:4:18: warning: node 'probe' is never used"));
    }

    @Test
    void theLossCountsAsAUse() {
        Compiled c = compile("""
                model m {
                    input x: [8]
                    x -> dense(4) -> y
                    y -> dense(2) -> aux
                    output y
                }
                train {
                    data = mnist()
                    loss = mse(aux, label)
                    optimizer = sgd()
                }
                """);
        assertTrue(c.warnings().isEmpty(), c.warnings().toString());
    }

    @Test
    void theGraphIsBoundedInSize() {
        String e = errors("""
                model m {
                    input x: [2]
                    x -> repeat 1000 { repeat 1000 { relu() } } -> y
                    output y
                }
                """);
        assertTrue(e.contains("error: the model grows past " + GraphParts.MAX_NODES + " nodes here"), e);
    }
}
