package nn.stdlib;

import nn.api.graph.Graph;
import nn.api.graph.GraphInput;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.network.Network;
import nn.api.network.NetworkBuilder;
import nn.testkit.GradientCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static nn.stdlib.StdlibCalls.REGISTRY;
import static nn.stdlib.StdlibCalls.node;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dense layer that applies the relu after it computes what the two layers compute apart:
 * outputs in training and evaluation, parameter gradients, finite differences; and a dense
 * output that something else reads too is left alone.
 */
class ActivationFusionTest {

    /** flatten → dense → relu → dense → relu → dense: the lecture's MLP, smaller. */
    static Graph mlp() {
        List<Node> nodes = List.of(
                node("flat", "flatten", "image", Map.of()),
                node("d1", "dense", "flat", Map.of("units", 7)),
                node("r1", "relu", "d1", Map.of()),
                node("d2", "dense", "r1", Map.of("units", 5)),
                node("r2", "relu", "d2", Map.of()),
                node("out", "dense", "r2", Map.of("units", 3)));
        return new Graph("mlp", List.of(new GraphInput("image", Shape.of(1, 4, 4))), nodes, List.of("out"), null);
    }

    /** The first dense layer's output feeds its relu and, past it, a sum: it must keep its own values. */
    static Graph fanOut() {
        List<Node> nodes = List.of(
                node("flat", "flatten", "image", Map.of()),
                node("d1", "dense", "flat", Map.of("units", 6)),
                node("r1", "relu", "d1", Map.of()),
                new Node("sum", "add", List.of("d1", "r1"), Map.of()),
                node("out", "dense", "sum", Map.of("units", 3)));
        return new Graph("fan", List.of(new GraphInput("image", Shape.of(1, 4, 4))), nodes, List.of("out"), null);
    }

    private static Network build(Graph g, DataType type, boolean fuse) {
        return new NetworkBuilder(REGISTRY).dataType(type).seed(11).fuseActivations(fuse).build(g);
    }

    private static void assertSameAsUnfused(Graph g, DataType type, double eps) {
        INDArray x = GradientCheck.awayFromZero(new Random(3), 0.1, 1, 5, 1, 4, 4).castTo(type);
        Network fused = build(g, type, true), apart = build(g, type, false);
        // Biases start at zero; random ones make the order of bias add and max matter.
        INDArray params = GradientCheck.awayFromZero(new Random(5), 0.1, 1, apart.params().length()).castTo(type);
        apart.params().assign(params);
        fused.params().assign(params);
        for (boolean training : new boolean[]{true, false}) {
            INDArray y = apart.forward(x, training).dup();
            assertTrue(y.equalsWithEps(fused.forward(x, training), eps), "outputs differ, training " + training);
        }
        INDArray y = apart.forward(x, true).dup();
        fused.forward(x, true);
        INDArray gy = GradientCheck.awayFromZero(new Random(4), 0.5, 1.5, y.shape()).castTo(type);
        apart.backward(gy);
        fused.backward(gy);
        assertTrue(apart.grads().equalsWithEps(fused.grads(), eps), "gradients differ");
    }

    @Test
    void fusedMlpComputesWhatTheLayersComputeApart() {
        assertSameAsUnfused(mlp(), DataType.DOUBLE, 1e-12);
    }

    @Test
    void fusedMlpOnFloatsTakesTheJavaBiasLoopAndAgrees() {
        assertSameAsUnfused(mlp(), DataType.FLOAT, 1e-6);
    }

    @Test
    void aDenseOutputReadTwiceIsNotFused() {
        assertSameAsUnfused(fanOut(), DataType.DOUBLE, 1e-12);
    }

    @Test
    void fusedMlpGradientsMatchFiniteDifferences() {
        DataType before = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            Network net = build(mlp(), DataType.DOUBLE, true);
            net.params().assign(GradientCheck.awayFromZero(new Random(5), 0.1, 1, net.params().length()));
            INDArray x = GradientCheck.awayFromZero(new Random(6), 0.1, 1, 4, 1, 4, 4);
            GradientCheck.Result r = GradientCheck.checkNetwork(net, x, 7);
            assertTrue(r.passed(), GradientCheck.describe(r).get(0));
        } finally {
            Nd4j.setDefaultDataTypes(before, before);
        }
    }
}
