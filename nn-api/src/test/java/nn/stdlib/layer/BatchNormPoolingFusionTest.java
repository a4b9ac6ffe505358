package nn.stdlib.layer;

import nn.api.graph.Shape;
import nn.api.runtime.ParamSpec;
import nn.testkit.GradientCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * batchnorm running the max pooling after it (float32, channels-last: pools x, scales the pooled
 * values, sums the parameter gradients over them) computes what the two layers compute one
 * after the other in float64 on ND4J's ops (gradient-checked in BatchNormTest and
 * ChannelsLastTest): outputs, running statistics, input and parameter gradients, in training
 * and evaluation; windows that overlap, pad, or leave a border out; ties inside a window; and a
 * negative scale, which the fused path hands back to the two layers.
 */
class BatchNormPoolingFusionTest {
    private static final double TOLERANCE = 2e-4;

    @BeforeAll
    static void setUp() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** The fused float layer and the float64 pair apart, with the same parameters. */
    private record Pair(BatchNorm fused, BatchNorm norm, Pool2d pool, Map<String, INDArray> fGrads,
                        Map<String, INDArray> dGrads) {
        static Pair of(Shape shape, SlidingWindow window, double gammaSign) {
            BatchNorm fused = new BatchNorm(shape, 0.1, 1e-5), norm = new BatchNorm(shape, 0.1, 1e-5);
            Pool2d fusedPool = new Pool2d("maxpool2d", shape, window), pool = new Pool2d("maxpool2d", shape, window);
            Shape pooled = Shape.of(shape.dim(0), window.outputSize(shape.dim(1)), window.outputSize(shape.dim(2)));
            assertTrue(fused.fusePooling(fusedPool, pooled));
            fused.useChannelsLast();
            norm.useChannelsLast();
            pool.useChannelsLast();
            Random rng = new Random(1);
            Map<String, INDArray> fp = new HashMap<>(), dp = new HashMap<>(), fg = new HashMap<>(), dg = new HashMap<>();
            for (ParamSpec s : fused.parameters()) {
                INDArray p = GradientCheck.awayFromZero(rng, 0.5, 1.5, s.shape()).castTo(DataType.FLOAT);
                if (s.name().equals("gamma")) { // awayFromZero draws either sign
                    p = Transforms.abs(p);
                    p.putScalar(0, gammaSign * p.getDouble(0));
                }
                fp.put(s.name(), p);
                dp.put(s.name(), p.castTo(DataType.DOUBLE));
                dg.put(s.name(), Nd4j.create(DataType.DOUBLE, s.shape()));
                fg.put(s.name(), Nd4j.create(DataType.FLOAT, s.shape()));
            }
            fused.bind(fp, fg);
            norm.bind(dp, dg);
            return new Pair(fused, norm, pool, fg, dg);
        }
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what);
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        double diff = expected.sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(diff <= TOLERANCE * scale, what + " differs by " + diff + " (scale " + scale + ")");
    }

    /**
     * Two training steps and an evaluation step on both. Inputs are drawn in float so both sides
     * see the same values, and so the same ties; `zeros` examples are all zero, a window of ties.
     */
    private static void assertSameAsApart(Shape shape, SlidingWindow window, double gammaSign, int zeros) {
        Pair p = Pair.of(shape, window, gammaSign);
        Random rng = new Random(2);
        long[] batchShape = {4, shape.dim(1), shape.dim(2), shape.dim(0)};
        for (boolean training : new boolean[]{true, true, false}) {
            INDArray xf = GradientCheck.awayFromZero(rng, -2, 2, batchShape).castTo(DataType.FLOAT);
            for (int e = 0; e < zeros; e++) xf.slice(e).assign(0);
            INDArray x = xf.castTo(DataType.DOUBLE);
            String mode = shape + " " + window + (training ? " training " : " evaluation ");
            INDArray expected = p.pool().forward(p.norm().forward(x, training), training);
            assertClose(expected, p.fused().forward(xf, training), mode + "output");
            assertEquals(gammaSign > 0, p.fused().lastForwardFused(), mode + "fused path taken");
            for (String key : p.norm().state().keySet()) {
                assertClose(p.norm().state().get(key), p.fused().state().get(key), mode + key);
            }
            INDArray gy = GradientCheck.awayFromZero(rng, -1.5, 1.5, expected.shape()).castTo(DataType.FLOAT);
            INDArray gx = p.norm().backward(p.pool().backward(gy.castTo(DataType.DOUBLE)));
            assertClose(gx, p.fused().backward(gy), mode + "input gradient");
            for (String key : p.dGrads().keySet()) {
                assertClose(p.dGrads().get(key), p.fGrads().get(key), mode + key + " gradient");
            }
        }
    }

    @Test
    void twoByTwoWindows() {
        assertSameAsApart(Shape.of(3, 6, 6), new SlidingWindow(2, 2, 0, false, 1), 1, 0);
    }

    @Test
    void aBorderNoWindowCovers() {
        assertSameAsApart(Shape.of(5, 7, 7), new SlidingWindow(2, 2, 0, false, 1), 1, 0);
    }

    @Test
    void overlappingPaddedWindows() {
        assertSameAsApart(Shape.of(2, 7, 7), new SlidingWindow(3, 2, 1, false, 1), 1, 0);
    }

    @Test
    void tiesInsideWindows() {
        assertSameAsApart(Shape.of(3, 6, 6), new SlidingWindow(2, 2, 0, false, 1), 1, 2);
    }

    /** A negative gamma reverses a channel's order: the pooling must see y, so the layers run apart. */
    @Test
    void aNegativeScaleRunsTheLayersApart() {
        assertSameAsApart(Shape.of(3, 6, 6), new SlidingWindow(2, 2, 0, false, 1), -1, 0);
    }

    /** More values than one chunk of the host loops, the pooled batch smaller than one. */
    @Test
    void manyChunks() {
        assertSameAsApart(Shape.of(8, 28, 28), new SlidingWindow(2, 2, 0, false, 1), 1, 1);
    }
}
