package nn.stdlib;

import nn.api.graph.Shape;
import nn.api.internal.kernels.HostKernels;
import nn.api.runtime.ChannelsLast;
import nn.api.runtime.Layer;
import nn.api.runtime.ParamSpec;
import nn.testkit.GradientCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static nn.stdlib.StdlibCalls.create;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * batchnorm's float32 host-memory path (Java loops, two passes each way) computes what its ND4J
 * path computes: the same layer in float64 runs ND4J's ops (and is gradient-checked in
 * BatchNormTest and ChannelsLastTest), so the float layer is compared with it to float
 * tolerance — outputs, input and parameter gradients, running statistics, in training and
 * evaluation, channels-first and channels-last, with one and several channels.
 */
class BatchNormHostPathTest {
    private static final double TOLERANCE = 2e-4;

    @BeforeAll
    static void setUp() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** A float layer and a double layer with the same parameters. */
    private record Pair(Layer f, Layer d, Map<String, INDArray> fGrads, Map<String, INDArray> dGrads) {
        static Pair of(Shape shape, boolean channelsLast, long seed) {
            Layer f = create("batchnorm", shape, Map.of()), d = create("batchnorm", shape, Map.of());
            if (channelsLast) {
                ((ChannelsLast) f).useChannelsLast();
                ((ChannelsLast) d).useChannelsLast();
            }
            Random rng = new Random(seed);
            Map<String, INDArray> fp = new HashMap<>(), dp = new HashMap<>(), fg = new HashMap<>(), dg = new HashMap<>();
            for (ParamSpec s : f.parameters()) {
                INDArray p = GradientCheck.awayFromZero(rng, 0.5, 1.5, s.shape());
                dp.put(s.name(), p);
                fp.put(s.name(), p.castTo(DataType.FLOAT));
                dg.put(s.name(), Nd4j.create(DataType.DOUBLE, s.shape()));
                fg.put(s.name(), Nd4j.create(DataType.FLOAT, s.shape()));
            }
            f.bind(fp, fg);
            d.bind(dp, dg);
            return new Pair(f, d, fg, dg);
        }
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what);
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        double diff = expected.sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(diff <= TOLERANCE * scale, what + " differs by " + diff + " (scale " + scale + ")");
    }

    /** Two training steps and an evaluation step, each forward and backward, on both layers. */
    private static void assertSameAsNd4j(Shape shape, boolean channelsLast, long[] batchShape, double offset) {
        Pair p = Pair.of(shape, channelsLast, 1);
        Random rng = new Random(2);
        for (boolean training : new boolean[]{true, true, false}) {
            INDArray x = GradientCheck.awayFromZero(rng, 0.1, 2, batchShape).addi(offset);
            INDArray xf = x.castTo(DataType.FLOAT);
            assertTrue(HostKernels.applies(xf), "the float batch should take the host path");
            String mode = (channelsLast ? "channels-last " : "channels-first ") + shape + (training ? " training " : " evaluation ");
            assertClose(p.d().forward(x, training), p.f().forward(xf, training), mode + "output");
            for (String key : p.d().state().keySet()) {
                assertClose(p.d().state().get(key), p.f().state().get(key), mode + key);
            }
            INDArray gy = GradientCheck.awayFromZero(rng, 0.5, 1.5, batchShape);
            assertClose(p.d().backward(gy), p.f().backward(gy.castTo(DataType.FLOAT)), mode + "input gradient");
            for (String key : p.dGrads().keySet()) {
                assertClose(p.dGrads().get(key), p.fGrads().get(key), mode + key + " gradient");
            }
        }
    }

    @Test
    void imagesChannelsFirst() {
        assertSameAsNd4j(Shape.of(1, 5, 5), false, new long[]{3, 1, 5, 5}, 0);
        assertSameAsNd4j(Shape.of(3, 4, 6), false, new long[]{4, 3, 4, 6}, 0);
    }

    @Test
    void imagesChannelsLast() {
        assertSameAsNd4j(Shape.of(1, 5, 5), true, new long[]{3, 5, 5, 1}, 0);
        assertSameAsNd4j(Shape.of(3, 4, 6), true, new long[]{4, 4, 6, 3}, 0);
    }

    @Test
    void features() {
        assertSameAsNd4j(Shape.of(1), false, new long[]{7, 1}, 0);
        assertSameAsNd4j(Shape.of(5), false, new long[]{9, 5}, 0);
    }

    /** More rows than one summing block, and a mean far from zero beside the spread. */
    @Test
    void largeBatchesWithAnOffsetMean() {
        assertSameAsNd4j(Shape.of(4, 8, 8), true, new long[]{5, 8, 8, 4}, 50);
        assertSameAsNd4j(Shape.of(4, 8, 8), false, new long[]{5, 4, 8, 8}, 50);
    }

    /** More chunks than a lane sums in float before it is folded into double, the last chunk short. */
    @Test
    void manyChunksWithAShortLastOne() {
        assertSameAsNd4j(Shape.of(3, 32, 32), true, new long[]{200, 32, 32, 3}, 20);
        assertSameAsNd4j(Shape.of(3, 32, 32), false, new long[]{201, 3, 32, 32}, 20);
        assertSameAsNd4j(Shape.of(5), false, new long[]{3001, 5}, 20);
    }
}
