package nn.stdlib;

import nn.api.graph.Graph;
import nn.api.graph.GraphInput;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.network.Network;
import nn.api.network.NetworkBuilder;
import nn.testkit.GradientCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static nn.stdlib.StdlibCalls.REGISTRY;
import static nn.stdlib.StdlibCalls.node;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Networks whose image batches flow channels-last between convolution, pooling and
 * element-wise activations compute exactly what the channels-first network computes: outputs,
 * parameter gradients (the first convolution's im2col path included) and finite differences.
 */
class ChannelsLastTest {

    @BeforeAll
    static void setUp() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** conv → batchnorm → relu → maxpool → conv (stride 2) → tanh → avgpool, then flatten → dense, or the map itself. */
    static Graph convolutional(int channels, boolean endWithMaps) {
        List<Node> nodes = new ArrayList<>(List.of(
                node("c1", "conv2d", "image", Map.of("filters", 3, "padding", 1)),
                node("b1", "batchnorm", "c1", Map.of()),
                node("r1", "relu", "b1", Map.of()),
                node("p1", "maxpool2d", "r1", Map.of()),
                node("c2", "conv2d", "p1", Map.of("filters", 4, "stride", 2, "padding", 1)),
                node("t2", "tanh", "c2", Map.of()),
                node("p2", "avgpool2d", "t2", Map.of("kernel", 2, "stride", 1))));
        if (!endWithMaps) {
            nodes.add(node("flat", "flatten", "p2", Map.of()));
            nodes.add(node("out", "dense", "flat", Map.of("units", 3)));
        }
        String out = nodes.get(nodes.size() - 1).name();
        return new Graph("cnn", List.of(new GraphInput("image", Shape.of(channels, 12, 12))), nodes, List.of(out), null);
    }

    /** Fan-out of a channels-last value into a merge (add), which reads channels-first. */
    static Graph residual() {
        List<Node> nodes = List.of(
                node("c1", "conv2d", "image", Map.of("filters", 3, "padding", 1)),
                node("r1", "relu", "c1", Map.of()),
                node("c2", "conv2d", "r1", Map.of("filters", 3, "padding", 1)),
                new Node("sum", "add", List.of("r1", "c2"), Map.of()),
                node("r2", "relu", "sum", Map.of()),
                node("p", "maxpool2d", "r2", Map.of()),
                node("flat", "flatten", "p", Map.of()),
                node("out", "dense", "flat", Map.of("units", 2)));
        return new Graph("res", List.of(new GraphInput("image", Shape.of(2, 6, 6))), nodes, List.of("out"), null);
    }

    private static Network build(Graph g, boolean channelsLast) {
        return new NetworkBuilder(REGISTRY).dataType(DataType.DOUBLE).seed(11).channelsLast(channelsLast).build(g);
    }

    private static void assertSameAsChannelsFirst(Graph g, long... inputShape) {
        INDArray x = GradientCheck.awayFromZero(new Random(3), 0.1, 1, inputShape);
        Network last = build(g, true), first = build(g, false);
        INDArray yLast = last.forward(x, true).dup(), yFirst = first.forward(x, true).dup();
        assertArrayEquals(yFirst.shape(), yLast.shape());
        assertTrue(yFirst.equalsWithEps(yLast, 1e-10), "outputs differ: " + yFirst.sub(yLast).amaxNumber());
        INDArray gy = GradientCheck.awayFromZero(new Random(4), 0.5, 1.5, yFirst.shape());
        last.backward(gy);
        first.backward(gy);
        double diff = first.grads().sub(last.grads()).amaxNumber().doubleValue();
        assertTrue(diff < 1e-10, "parameter gradients differ by " + diff);
        assertTrue(first.grads().amaxNumber().doubleValue() > 0, "no gradient reached the parameters");
    }

    @Test
    void oneChannelImagesGiveTheSameOutputsAndGradients() {
        assertSameAsChannelsFirst(convolutional(1, false), 3, 1, 12, 12);
    }

    @Test
    void threeChannelImagesGiveTheSameOutputsAndGradients() {
        assertSameAsChannelsFirst(convolutional(3, false), 2, 3, 12, 12);
    }

    @Test
    void featureMapsComeBackChannelsFirst() {
        assertSameAsChannelsFirst(convolutional(2, true), 2, 2, 12, 12);
        assertEquals(Shape.of(4, 2, 2), build(convolutional(2, true), true).outputShape());
    }

    @Test
    void aValueReadByAMergeIsCopiedBackToChannelsFirst() {
        assertSameAsChannelsFirst(residual(), 2, 2, 6, 6);
    }

    /** conv → relu → maxpool, or with relu and maxpool written the other way round. */
    static Graph reluAndPool(boolean reluFirst) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(node("c1", "conv2d", "image", Map.of("filters", 3, "padding", 1)));
        if (reluFirst) {
            nodes.add(node("r1", "relu", "c1", Map.of()));
            nodes.add(node("p1", "maxpool2d", "r1", Map.of()));
        } else {
            nodes.add(node("p1", "maxpool2d", "c1", Map.of()));
            nodes.add(node("r1", "relu", "p1", Map.of()));
        }
        String last = nodes.get(nodes.size() - 1).name();
        nodes.add(node("flat", "flatten", last, Map.of()));
        nodes.add(node("out", "dense", "flat", Map.of("units", 2)));
        return new Graph("rp", List.of(new GraphInput("image", Shape.of(2, 6, 6))), nodes, List.of("out"), null);
    }

    @Test
    void reluBeforeMaxPoolingEqualsReluAfterIt() {
        for (boolean channelsLast : new boolean[]{true, false}) {
            INDArray x = GradientCheck.awayFromZero(new Random(12), 0.1, 1, 3, 2, 6, 6);
            Network before = build(reluAndPool(true), channelsLast), after = build(reluAndPool(false), channelsLast);
            INDArray y = before.forward(x, true).dup();
            assertTrue(y.equalsWithEps(after.forward(x, true), 1e-12), "outputs differ");
            INDArray gy = GradientCheck.awayFromZero(new Random(13), 0.5, 1.5, y.shape());
            before.backward(gy);
            after.backward(gy);
            assertTrue(before.grads().equalsWithEps(after.grads(), 1e-12), "gradients differ");
            GradientCheck.Result r = GradientCheck.checkNetwork(before, x, 14);
            assertTrue(r.passed(), GradientCheck.describe(r).get(0));
        }
    }

    @Test
    void batchNormRunningStatisticsAgree() {
        Graph g = convolutional(2, false);
        INDArray x = GradientCheck.awayFromZero(new Random(5), 0.1, 1, 3, 2, 12, 12);
        Network last = build(g, true), first = build(g, false);
        last.forward(x, true);
        first.forward(x, true);
        for (String key : first.layerState().keySet()) {
            assertTrue(first.layerState().get(key).equalsWithEps(last.layerState().get(key), 1e-12), key);
        }
        assertTrue(first.forward(x, false).equalsWithEps(last.forward(x, false), 1e-10), "evaluation outputs differ");
    }

    @Test
    void channelsLastGradientsMatchFiniteDifferences() {
        for (int channels : new int[]{1, 3}) {
            Network net = build(convolutional(channels, false), true);
            INDArray x = GradientCheck.awayFromZero(new Random(6), 0.1, 1, 2, channels, 12, 12);
            GradientCheck.Result r = GradientCheck.checkNetwork(net, x, 7);
            assertTrue(r.passed(), channels + " channel(s): " + GradientCheck.describe(r).get(0));
        }
        GradientCheck.Result r = GradientCheck.checkNetwork(build(residual(), true),
                GradientCheck.awayFromZero(new Random(8), 0.1, 1, 2, 2, 6, 6), 9);
        assertTrue(r.passed(), "residual: " + GradientCheck.describe(r).get(0));
    }

    /**
     * A first convolution with "same" padding and an odd remainder (12 x 13, kernel 5, stride 2),
     * whose gradients im2col got wrong: patch rows channels-last, conv2d_bp channels-first.
     */
    @Test
    void sameFirstConvolutionGradientsMatchFiniteDifferences() {
        Graph g = new Graph("same", List.of(new GraphInput("image", Shape.of(1, 12, 13))), List.of(
                node("c1", "conv2d", "image", Map.of("filters", 3, "kernel", 5, "stride", 2, "padding", "same")),
                node("flat", "flatten", "c1", Map.of()),
                node("out", "dense", "flat", Map.of("units", 2))), List.of("out"), null);
        for (boolean channelsLast : new boolean[]{true, false}) {
            GradientCheck.Result r = GradientCheck.checkNetwork(build(g, channelsLast),
                    GradientCheck.awayFromZero(new Random(6), 0.1, 1, 2, 1, 12, 13), 7);
            assertTrue(r.passed(), "channels-last " + channelsLast + ": " + GradientCheck.describe(r).get(0));
        }
    }
}
