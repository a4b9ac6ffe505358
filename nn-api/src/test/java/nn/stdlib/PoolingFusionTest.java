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
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static nn.stdlib.StdlibCalls.REGISTRY;
import static nn.stdlib.StdlibCalls.node;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A network whose batchnorm runs the max pooling after it computes what it computes with the
 * two apart (float32, where the fused path runs): outputs in training and evaluation, and every
 * parameter's gradient; a batchnorm whose output something else reads too is left alone.
 */
class PoolingFusionTest {
    private static final double TOLERANCE = 1e-5;

    /** conv → batchnorm → relu → maxpool → flatten → dense, the best recipe's block, smaller. */
    static Graph cnn() {
        List<Node> nodes = List.of(
                node("c1", "conv2d", "image", Map.of("filters", 4, "kernel", 3, "padding", 1)),
                node("bn", "batchnorm", "c1", Map.of()),
                node("r1", "relu", "bn", Map.of()),
                node("p1", "maxpool2d", "r1", Map.of()),
                node("flat", "flatten", "p1", Map.of()),
                node("out", "dense", "flat", Map.of("units", 3)));
        return new Graph("cnn", List.of(new GraphInput("image", Shape.of(1, 8, 8))), nodes, List.of("out"), null);
    }

    /** The batchnorm's output feeds the pooling and, past the pooling, a sum with itself pooled by average. */
    static Graph fanOut() {
        List<Node> nodes = List.of(
                node("c1", "conv2d", "image", Map.of("filters", 4, "kernel", 3, "padding", 1)),
                node("bn", "batchnorm", "c1", Map.of()),
                node("p1", "maxpool2d", "bn", Map.of()),
                node("p2", "avgpool2d", "bn", Map.of()),
                new Node("sum", "add", List.of("p1", "p2"), Map.of()),
                node("flat", "flatten", "sum", Map.of()),
                node("out", "dense", "flat", Map.of("units", 3)));
        return new Graph("fan", List.of(new GraphInput("image", Shape.of(1, 8, 8))), nodes, List.of("out"), null);
    }

    private static Network build(Graph g, boolean fuse) {
        return new NetworkBuilder(REGISTRY).dataType(DataType.FLOAT).seed(11).fusePooling(fuse).build(g);
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(diff <= TOLERANCE * scale, what + " differs by " + diff + " (scale " + scale + ")");
    }

    private static void assertSameAsApart(Graph g) {
        Network fused = build(g, true), apart = build(g, false);
        // Positive gammas (the fused path needs them; the layer hands others to the two layers apart).
        INDArray params = Transforms.abs(GradientCheck.awayFromZero(new Random(5), 0.1, 1, apart.params().length()))
                .castTo(DataType.FLOAT);
        apart.params().assign(params);
        fused.params().assign(params);
        Random rng = new Random(3);
        for (boolean training : new boolean[]{true, true, false}) {
            INDArray x = GradientCheck.awayFromZero(rng, 0.1, 1, 6, 1, 8, 8).castTo(DataType.FLOAT);
            INDArray y = apart.forward(x, training).dup();
            assertClose(y, fused.forward(x, training), "output, training " + training);
            INDArray gy = GradientCheck.awayFromZero(rng, 0.5, 1.5, y.shape()).castTo(DataType.FLOAT);
            apart.backward(gy);
            fused.backward(gy);
            assertClose(apart.grads(), fused.grads(), "gradients, training " + training);
        }
    }

    @Test
    void fusedCnnComputesWhatTheLayersComputeApart() {
        assertSameAsApart(cnn());
    }

    @Test
    void aBatchnormReadTwiceIsNotFused() {
        assertSameAsApart(fanOut());
    }
}
