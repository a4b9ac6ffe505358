package nn.stdlib;

import nn.api.graph.Graph;
import nn.api.graph.GraphInput;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.shapes.ShapeInference;
import nn.api.network.ModelSummary;
import nn.api.network.Network;
import nn.api.network.NetworkBuilder;
import nn.testkit.GradientCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static nn.stdlib.StdlibCalls.REGISTRY;
import static nn.stdlib.StdlibCalls.node;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lecture's MNIST CNN built as a graph, and a small convolutional network checked end to end. */
class LectureCnnTest {

    /** A chain of operations, each reading the one before; the first reads `image`. */
    static Graph chain(String name, Shape input, Object[][] ops) {
        List<Node> nodes = new ArrayList<>();
        String previous = "image";
        for (Object[] op : ops) {
            @SuppressWarnings("unchecked") Map<String, Object> args = (Map<String, Object>) op[2];
            nodes.add(node((String) op[0], (String) op[1], previous, args));
            previous = (String) op[0];
        }
        return new Graph(name, List.of(new GraphInput("image", input)), nodes, List.of(previous), null);
    }

    static Graph lectureCnn() {
        return chain("mnist_cnn", Shape.of(1, 28, 28), new Object[][]{
                {"conv1", "conv2d", Map.of("filters", 32, "kernel", 3, "padding", 1)},
                {"relu1", "relu", Map.of()},
                {"pool1", "maxpool2d", Map.of("kernel", 2)},
                {"conv2", "conv2d", Map.of("filters", 64, "kernel", 3, "padding", 1)},
                {"relu2", "relu", Map.of()},
                {"pool2", "maxpool2d", Map.of("kernel", 2)},
                {"drop1", "dropout", Map.of("rate", 0.25)},
                {"flat", "flatten", Map.of()},
                {"fc1", "dense", Map.of("units", 128)},
                {"relu3", "relu", Map.of()},
                {"drop2", "dropout", Map.of("rate", 0.5)},
                {"logits", "dense", Map.of("units", 10)}});
    }

    @Test
    void shapesOfTheLectureCnn() {
        ShapeInference.Result r = ShapeInference.run(lectureCnn(), REGISTRY);
        assertTrue(r.ok(), r.failures().toString());
        Map<String, Shape> expected = new LinkedHashMap<>();
        expected.put("conv1", Shape.of(32, 28, 28));
        expected.put("relu1", Shape.of(32, 28, 28));
        expected.put("pool1", Shape.of(32, 14, 14));
        expected.put("conv2", Shape.of(64, 14, 14));
        expected.put("relu2", Shape.of(64, 14, 14));
        expected.put("pool2", Shape.of(64, 7, 7));
        expected.put("drop1", Shape.of(64, 7, 7));
        expected.put("flat", Shape.of(3136));
        expected.put("fc1", Shape.of(128));
        expected.put("relu3", Shape.of(128));
        expected.put("drop2", Shape.of(128));
        expected.put("logits", Shape.of(10));
        expected.forEach((node, shape) -> assertEquals(shape, r.shapes().get(node), node));
    }

    @Test
    void parameterCountsOfTheLectureCnn() {
        Graph g = lectureCnn();
        List<ModelSummary.Row> rows = ModelSummary.rows(g, ShapeInference.run(g, REGISTRY).shapes(), REGISTRY);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ModelSummary.Row row : rows) counts.put(row.name(), row.parameters());
        assertEquals(320L, counts.get("conv1"));
        assertEquals(18_496L, counts.get("conv2"));
        assertEquals(401_536L, counts.get("fc1"));
        assertEquals(1_290L, counts.get("logits"));
        assertEquals(421_642L, ModelSummary.total(rows));
    }

    @Test
    void lectureCnnRunsForwardAndBackwardInFloat() {
        Network net = new NetworkBuilder(REGISTRY).dataType(DataType.FLOAT).seed(1).build(lectureCnn());
        assertEquals(421_642L, net.parameterCount());
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 1, 28, 28);
        INDArray y = net.forward(x, true);
        assertArrayEquals(new long[]{4, 10}, y.shape());
        net.backward(Nd4j.ones(DataType.FLOAT, 4, 10));
        double gradNorm = net.grads().norm2Number().doubleValue();
        assertTrue(gradNorm > 0 && Double.isFinite(gradNorm), "gradient norm " + gradNorm);
        INDArray conv1Grad = net.grads().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 320));
        assertTrue(conv1Grad.norm2Number().doubleValue() > 0, "the first convolution gets a gradient");
        INDArray eval = net.forward(x, false);
        assertTrue(Double.isFinite(eval.sumNumber().doubleValue()));
    }

    @Test
    void theSameSeedGivesTheSameDropoutMasks() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 1, 28, 28);
        INDArray a = new NetworkBuilder(REGISTRY).seed(3).build(lectureCnn()).forward(x, true).dup();
        INDArray b = new NetworkBuilder(REGISTRY).seed(3).build(lectureCnn()).forward(x, true).dup();
        assertEquals(a, b);
        Network net = new NetworkBuilder(REGISTRY).seed(3).build(lectureCnn());
        INDArray eval = net.forward(x, false).dup();
        assertNotEquals(eval, a, "training applies dropout, evaluation does not");
        Map<String, INDArray> state = net.layerState();
        assertEquals(List.of("drop1.rng", "drop2.rng"), List.copyOf(new java.util.TreeSet<>(state.keySet())));
    }

    @Test
    void layerStateRoundTripsThroughTheNetwork() {
        Graph g = chain("bn", Shape.of(2, 5, 5), new Object[][]{
                {"conv", "conv2d", Map.of("filters", 3)},
                {"bn", "batchnorm", Map.of()},
                {"drop", "dropout", Map.of()}});
        Network trained = new NetworkBuilder(REGISTRY).seed(4).build(g);
        trained.forward(Nd4j.rand(DataType.FLOAT, 3, 2, 5, 5), true);
        Map<String, INDArray> saved = new LinkedHashMap<>();
        trained.layerState().forEach((k, v) -> saved.put(k, v.dup()));
        assertEquals(List.of("bn.running_mean", "bn.running_var", "drop.rng"),
                List.copyOf(new java.util.TreeSet<>(saved.keySet())));
        Network resumed = new NetworkBuilder(REGISTRY).seed(4).build(g);
        resumed.restoreLayerState(saved);
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 2, 5, 5);
        assertEquals(trained.forward(x, false), resumed.forward(x, false));
        assertEquals(trained.forward(x, true), resumed.forward(x, true));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> resumed.restoreLayerState(Map.of("conv.running_mean", Nd4j.zeros(3))));
        assertTrue(e.getMessage().contains("conv.running_mean"), e.getMessage());
    }

    @Test
    void smallConvolutionalNetworkGradients() {
        Graph g = chain("small_cnn", Shape.of(2, 6, 6), new Object[][]{
                {"conv", "conv2d", Map.of("filters", 3, "padding", "same")},
                {"act", "relu", Map.of()},
                {"pool", "maxpool2d", Map.of()},
                {"bn", "batchnorm", Map.of()},
                {"flat", "flatten", Map.of()},
                {"out", "dense", Map.of("units", 4)}});
        Network net = new NetworkBuilder(REGISTRY).dataType(DataType.DOUBLE).seed(5).build(g);
        INDArray x = GradientCheck.awayFromZero(new Random(6), 0.1, 1, 2, 2, 6, 6);
        GradientCheck.Result r = GradientCheck.checkNetwork(net, x, 7);
        assertTrue(r.passed(), GradientCheck.describe(r).get(0));
    }
}
