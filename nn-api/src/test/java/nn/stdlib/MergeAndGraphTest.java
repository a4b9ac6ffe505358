package nn.stdlib;

import nn.api.graph.Call;
import nn.api.graph.Graph;
import nn.api.graph.GraphInput;
import nn.api.graph.LossSpec;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.shapes.ShapeInference;
import nn.api.graph.TrainSettings;
import nn.api.graph.TrainSpec;
import nn.api.network.Network;
import nn.api.network.NetworkBuilder;
import nn.api.registry.Registry;
import nn.api.schema.Args;
import nn.stdlib.merge.Add;
import nn.stdlib.merge.Concat;
import nn.testkit.GradientCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `add` and `concat`, and networks that are DAGs rather than chains. */
class MergeAndGraphTest {
    static Registry registry;

    @BeforeAll
    static void setUp() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        registry = Registry.load();
    }

    @Test
    void addGradients() {
        Random rng = new Random(1);
        var add = new Add(3, Shape.of(4));
        List<INDArray> in = List.of(GradientCheck.awayFromZero(rng, 0.1, 1, 2, 4),
                GradientCheck.awayFromZero(rng, 0.1, 1, 2, 4), GradientCheck.awayFromZero(rng, 0.1, 1, 2, 4));
        assertTrue(GradientCheck.checkMerge(add, in, 2).passed());
        assertEquals(in.get(0).add(in.get(1)).add(in.get(2)), add.forward(in, false));
    }

    @Test
    void concatGradientsAlongEachAxis() {
        Random rng = new Random(3);
        for (int axis = 0; axis < 2; axis++) {
            Shape a = axis == 0 ? Shape.of(2, 3) : Shape.of(3, 2);
            Shape b = axis == 0 ? Shape.of(4, 3) : Shape.of(3, 4);
            var concat = new Concat(List.of(a, b), axis == 0 ? Shape.of(6, 3) : Shape.of(3, 6), axis);
            List<INDArray> in = List.of(GradientCheck.awayFromZero(rng, 0.1, 1, a.withBatch(2)),
                    GradientCheck.awayFromZero(rng, 0.1, 1, b.withBatch(2)));
            GradientCheck.Result r = GradientCheck.checkMerge(concat, in, 4);
            assertTrue(r.passed(), "axis " + axis + ": " + r.where());
            assertEquals(Nd4j.concat(axis + 1, in.get(0), in.get(1)), concat.forward(in, false));
        }
    }

    @Test
    void concatAndAddCheckShapes() throws Exception {
        var concat = registry.merges().get("concat");
        Args axis1 = new Args(Map.of("axis", 1));
        assertEquals(Shape.of(3, 7), concat.outputShape(List.of(Shape.of(3, 2), Shape.of(3, 5)), axis1));
        var e = org.junit.jupiter.api.Assertions.assertThrows(nn.api.graph.ShapeException.class,
                () -> concat.outputShape(List.of(Shape.of(3, 2), Shape.of(4, 5)), axis1));
        assertTrue(e.getMessage().contains("[3, 2] and [4, 5]"), e.getMessage());
        var add = registry.merges().get("add");
        assertThrows(() -> add.outputShape(List.of(Shape.of(3), Shape.of(4)), Args.EMPTY), "[3] and [4]");
    }

    /** x -> dense a -> relu -> dense b; out = add(a_relu, b) -> concat with x -> dense: fan-out everywhere. */
    static Graph residualGraph() {
        List<Node> nodes = List.of(
                new Node("h", "dense", List.of("x"), Map.of("units", 4, "bias", true, "init", "xavier")),
                new Node("h_act", "tanh", List.of("h"), Map.of()),
                new Node("f", "dense", List.of("h_act"), Map.of("units", 4, "bias", true, "init", "xavier")),
                new Node("sum", "add", List.of("h_act", "f"), Map.of()),
                new Node("both", "concat", List.of("sum", "x"), Map.of("axis", 0)),
                new Node("out", "dense", List.of("both"), Map.of("units", 2, "bias", true, "init", "xavier")));
        TrainSpec train = new TrainSpec(new Call("mnist", Map.of()), new LossSpec("cross_entropy", "out", "label", Map.of()),
                new Call("sgd", Map.of()),
                TrainSettings.builder().set(TrainSettings.BATCH, 4).build());
        return new Graph("residual", List.of(new GraphInput("x", Shape.of(3))), nodes, List.of("out"), train);
    }

    @Test
    void shapeInferenceThroughADag() {
        ShapeInference.Result r = ShapeInference.run(residualGraph(), registry);
        assertTrue(r.ok(), r.failures().toString());
        assertEquals(Shape.of(7), r.shapes().get("both"));
        assertEquals(Shape.of(2), r.shapes().get("out"));
    }

    @Test
    void networkGradientsThroughADagWithFanOut() {
        Network net = new NetworkBuilder(registry).dataType(DataType.DOUBLE).seed(5).build(residualGraph());
        assertEquals(3 * 4 + 4 + 4 * 4 + 4 + 7 * 2 + 2, net.parameterCount());
        INDArray x = GradientCheck.awayFromZero(new Random(6), 0.1, 1, 5, 3);
        GradientCheck.Result r = GradientCheck.checkNetwork(net, x, 7);
        assertTrue(r.passed(), r.where() + " " + r.maxRelativeError());
    }

    @Test
    void aChainNetworkMatchesItsLayersComposedByHand() {
        Graph chain = new Graph("chain", List.of(new GraphInput("x", Shape.of(3))), List.of(
                new Node("d", "dense", List.of("x"), Map.of("units", 2, "bias", true, "init", "xavier")),
                new Node("r", "relu", List.of("d"), Map.of())), List.of("r"), null);
        Network net = new NetworkBuilder(registry).dataType(DataType.DOUBLE).seed(1).build(chain);
        INDArray x = GradientCheck.awayFromZero(new Random(2), 0.1, 1, 4, 3);
        INDArray w = net.namedParams().get("d.W"), b = net.namedParams().get("d.b");
        INDArray expected = org.nd4j.linalg.ops.transforms.Transforms.relu(x.mmul(w).addRowVector(b), true);
        assertEquals(expected, net.forward(x, false));
    }

    private static void assertThrows(org.junit.jupiter.api.function.Executable e, String fragment) {
        var ex = org.junit.jupiter.api.Assertions.assertThrows(nn.api.graph.ShapeException.class, e);
        assertTrue(ex.getMessage().contains(fragment), ex.getMessage());
    }
}
