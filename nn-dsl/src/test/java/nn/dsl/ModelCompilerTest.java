package nn.dsl;

import nn.api.graph.Call;
import nn.api.graph.Graph;
import nn.api.graph.GraphInput;
import nn.api.graph.GraphJson;
import nn.api.graph.LossSpec;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.graph.TrainSettings;
import nn.api.graph.TrainSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lecture's MLP, end to end: names, operations, arguments, shapes, train section. */
class ModelCompilerTest {

    static final String MLP = """
            // The lecture's multilayer perceptron.
            model mnist_mlp {
                input image: [1, 28, 28]
                image -> flatten() -> dense(128) -> relu()
                      -> dense(64) -> relu() -> dense(10) -> logits
                output logits
            }

            train {
                data      = mnist(normalize = [0.5, 0.5])
                loss      = cross_entropy(logits, label)   // softmax folded in
                optimizer = adam(lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8)
                batch     = 64
                epochs    = 10
                seed      = 42
            }
            """;

    static Compiled compile(String text) {
        return ModelCompiler.compile("test.nn", text, Registries.real());
    }

    @Test
    void theMlpBecomesAGraphWithNamedNodes() {
        Graph g = compile(MLP).graph();
        assertEquals("mnist_mlp", g.name());
        assertEquals(List.of(new GraphInput("image", Shape.of(1, 28, 28))), g.inputs());
        assertEquals(List.of("flatten_1", "dense_1", "relu_1", "dense_2", "relu_2", "logits"),
                g.nodes().stream().map(Node::name).toList());
        assertEquals(List.of("flatten", "dense", "relu", "dense", "relu", "dense"),
                g.nodes().stream().map(Node::op).toList());
        assertEquals(List.of("image"), g.node("flatten_1").inputs());
        assertEquals(List.of("relu_2"), g.node("logits").inputs());
        assertEquals(List.of("logits"), g.outputs());
    }

    @Test
    void argumentsAreBoundByNameWithDefaults() {
        Graph g = compile(MLP).graph();
        assertEquals(Map.of("units", 128, "bias", true, "init", "xavier"), g.node("dense_1").args());
        assertEquals(List.of("units", "bias", "init"), List.copyOf(g.node("dense_1").args().keySet()));
        assertEquals(10, g.node("logits").args().get("units"));
        assertEquals(Map.of(), g.node("relu_1").args());
    }

    @Test
    void everyInputAndNodeHasItsShape() {
        Compiled c = compile(MLP);
        Map<String, Shape> s = c.shapes();
        assertEquals(List.of("image", "flatten_1", "dense_1", "relu_1", "dense_2", "relu_2", "logits"),
                List.copyOf(s.keySet()));
        assertEquals(Shape.of(1, 28, 28), s.get("image"));
        assertEquals(Shape.of(784), s.get("flatten_1"));
        assertEquals(Shape.of(128), s.get("dense_1"));
        assertEquals(Shape.of(128), s.get("relu_1"));
        assertEquals(Shape.of(64), s.get("dense_2"));
        assertEquals(Shape.of(10), s.get("logits"));
    }

    @Test
    void shapesAndArgumentsGiveTheParameterCountWithoutAllocatingAnything() {
        Compiled c = compile(MLP);
        long params = 0;
        for (Node n : c.graph().nodes()) {
            if (!n.op().equals("dense")) continue;
            long in = c.shapes().get(n.inputs().get(0)).size();
            long units = (Integer) n.args().get("units");
            params += in * units + (Boolean.TRUE.equals(n.args().get("bias")) ? units : 0);
        }
        assertEquals(784 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10, params);
        assertEquals(109_386, params);
    }

    @Test
    void theTrainSectionBecomesATrainSpec() {
        TrainSpec t = compile(MLP).graph().train();
        assertEquals(new Call("mnist", Map.of("normalize", List.of(0.5, 0.5), "train_limit", 0, "test_limit", 0)),
                t.data());
        assertEquals(new LossSpec("cross_entropy", "logits", "label", Map.of("label_smoothing", 0.0)), t.loss());
        assertEquals(new Call("adam", Map.of("lr", 1e-3, "beta1", 0.9, "beta2", 0.999, "eps", 1e-8, "weight_decay", 0.0, "clip_norm", 0.0)), t.optimizer());
        assertEquals(64, t.settings().batch());
        assertEquals(10, t.settings().epochs());
        assertEquals(42L, t.settings().seed());
        assertTrue(t.settings().shuffle());
        assertEquals("auto", t.settings().backend());
        assertEquals(0, t.settings().threads());
    }

    @Test
    void trainSettingsHaveDefaults() {
        TrainSpec t = compile("""
                model m {
                    input x: [4]
                    x -> dense(2) -> y
                    output y
                }
                train {
                    data = mnist()
                    loss = mse(y, label)
                    optimizer = sgd()
                }
                """).graph().train();
        assertEquals(new TrainSpec(new Call("mnist", Map.of("normalize", List.of(0.0, 1.0), "train_limit", 0,
                        "test_limit", 0)), new LossSpec("mse", "y", "label", Map.of()),
                        new Call("sgd", Map.of("lr", 0.01, "momentum", 0.0, "nesterov", false, "weight_decay", 0.0, "clip_norm", 0.0)),
                        TrainSettings.builder().set(TrainSettings.BATCH, 32).set(TrainSettings.EPOCHS, 1)
                                .set(TrainSettings.SEED, 0L).set(TrainSettings.SHUFFLE, true)
                                .set(TrainSettings.BACKEND, "auto").set(TrainSettings.THREADS, 0).build()),
                t);
    }

    @Test
    void everySettingCanBeSet() {
        TrainSpec t = compile("""
                model m {
                    input x: [4]
                    x -> dense(2) -> y
                    output y
                }
                train {
                    data = mnist(train_limit = 100)
                    loss = cross_entropy(y, label)
                    optimizer = sgd(lr = 0.1, momentum = 0.9)
                    batch = 1
                    epochs = 3
                    seed = 12345678901
                    shuffle = false
                    backend = "cpu"
                    threads = 2
                }
                """).graph().train();
        assertEquals(1, t.settings().batch());
        assertEquals(3, t.settings().epochs());
        assertEquals(12_345_678_901L, t.settings().seed());
        assertEquals(false, t.settings().shuffle());
        assertEquals("cpu", t.settings().backend());
        assertEquals(2, t.settings().threads());
        assertEquals(100, t.data().args().get("train_limit"));
        assertEquals(0.9, t.optimizer().args().get("momentum"));
    }

    @Test
    void aFileWithoutTrainSectionIsAValidModel() {
        Compiled c = compile("""
                model m {
                    input x: [3, 4]
                    x -> flatten() -> y
                    output y
                }
                """);
        assertNull(c.graph().train());
        assertEquals(Shape.of(12), c.shapes().get("y"));
    }

    @Test
    void theExampleAtTheProjectRootCompiles() throws Exception {
        Path file = projectDir().resolve("examples/mnist-mlp.nn");
        Compiled c = ModelCompiler.compile(file, Registries.real());
        assertEquals(file, c.file());
        assertEquals(Files.readString(file), c.source());
        assertEquals(compile(MLP).graph(), c.graph());
        assertEquals(Shape.of(10), c.shapes().get("logits"));
    }

    @Test
    void theGraphSurvivesJson() throws Exception {
        Graph g = compile(MLP).graph();
        assertEquals(g, GraphJson.read(GraphJson.write(g)));
    }

    @Test
    void aMissingFileIsACompileErrorNamingIt() {
        CompileException e = assertThrows(CompileException.class,
                () -> ModelCompiler.compile(Path.of("no/such.nn"), Registries.real()));
        assertEquals("no/such.nn: error: no such file\n", e.format());
    }

    @Test
    void compilingFromAStringHasNoFile() {
        Compiled c = compile(MLP);
        assertNull(c.file());
        assertSame(MLP, c.source());
    }

    static Path projectDir() {
        String dir = System.getProperty("nn.project.dir");
        return dir != null ? Path.of(dir) : Path.of("..");
    }
}
