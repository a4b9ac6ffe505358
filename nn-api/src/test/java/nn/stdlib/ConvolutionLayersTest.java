package nn.stdlib;

import nn.api.graph.Shape;
import nn.api.runtime.Layer;
import nn.api.runtime.ParamSpec;
import nn.testkit.GradientCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static nn.stdlib.StdlibCalls.create;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** conv2d, maxpool2d, avgpool2d and global_avgpool: values against plain loops, gradients against finite differences. */
class ConvolutionLayersTest {

    @BeforeAll
    static void setUp() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    static INDArray images(long seed, long... shape) {
        return GradientCheck.awayFromZero(new Random(seed), 0.1, 1.0, shape);
    }

    @Test
    void conv2dGradients() {
        check(create("conv2d", Shape.of(3, 6, 6), Map.of("filters", 4)), images(1, 2, 3, 6, 6));
    }

    @Test
    void conv2dWithStridePaddingAndNoBiasGradients() {
        Layer conv = create("conv2d", Shape.of(2, 7, 7), Map.of("filters", 3, "stride", 2, "padding", 1, "bias", false));
        assertEquals(1, conv.parameters().size());
        check(conv, images(2, 2, 2, 7, 7));
    }

    @Test
    void conv2dSameDilatedGradients() {
        Layer conv = create("conv2d", Shape.of(2, 5, 5), Map.of("filters", 2, "padding", "same", "dilation", 2));
        INDArray x = images(3, 2, 2, 5, 5);
        assertArrayEquals(new long[]{2, 2, 5, 5}, forwardWithRandomParams(conv, x, 4).shape());
        check(conv, x);
    }

    @Test
    void conv2dSameWithStrideKeepsCeilOfSize() {
        Layer conv = create("conv2d", Shape.of(2, 7, 7), Map.of("filters", 2, "kernel", 4, "stride", 2, "padding", "same"));
        INDArray x = images(5, 2, 2, 7, 7);
        assertArrayEquals(new long[]{2, 2, 4, 4}, forwardWithRandomParams(conv, x, 6).shape());
        check(conv, x);
    }

    @Test
    void conv2dGroupedGradients() {
        check(create("conv2d", Shape.of(4, 5, 5), Map.of("filters", 6, "groups", 2)), images(7, 2, 4, 5, 5));
    }

    @Test
    void conv2dMatchesAPlainLoop() {
        Layer conv = create("conv2d", Shape.of(3, 6, 5), Map.of("filters", 2, "stride", 2, "padding", 1));
        INDArray x = images(8, 2, 3, 6, 5);
        Map<String, INDArray> p = bindRandom(conv, 9);
        INDArray y = conv.forward(x, false);
        INDArray expected = plainConv(x, p.get("W"), p.get("b"), 3, 2, 1, 1);
        assertEquals(expected, y);
    }

    @Test
    void groupedConv2dMatchesAPlainLoopPerGroup() {
        Layer conv = create("conv2d", Shape.of(4, 5, 5), Map.of("filters", 4, "groups", 2, "padding", 1, "dilation", 2));
        INDArray x = images(10, 2, 4, 5, 5);
        Map<String, INDArray> p = bindRandom(conv, 11);
        INDArray y = conv.forward(x, false).dup();
        for (int g = 0; g < 2; g++) {
            INDArray xg = x.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * g, 2 * g + 2), NDArrayIndex.all(), NDArrayIndex.all());
            INDArray wg = p.get("W").get(NDArrayIndex.interval(2 * g, 2 * g + 2), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
            INDArray bg = p.get("b").get(NDArrayIndex.interval(2 * g, 2 * g + 2));
            INDArray yg = y.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * g, 2 * g + 2), NDArrayIndex.all(), NDArrayIndex.all());
            assertEquals(plainConv(xg, wg, bg, 3, 1, 1, 2), yg, "group " + g);
        }
    }

    @Test
    void conv2dOverwritesItsGradientsOnEveryBackward() {
        Layer conv = create("conv2d", Shape.of(2, 5, 5), Map.of("filters", 2));
        Map<String, INDArray> grads = new HashMap<>();
        Map<String, INDArray> params = new HashMap<>();
        Random rng = new Random(12);
        for (ParamSpec s : conv.parameters()) {
            params.put(s.name(), GradientCheck.awayFromZero(rng, 0.1, 1, s.shape()));
            grads.put(s.name(), Nd4j.create(DataType.DOUBLE, s.shape()));
        }
        conv.bind(params, grads);
        INDArray x = images(13, 2, 2, 5, 5);
        INDArray g = images(14, 2, 2, 3, 3);
        conv.forward(x, true);
        conv.backward(g);
        INDArray first = grads.get("W").dup();
        conv.forward(x, true);
        conv.backward(g);
        assertEquals(first, grads.get("W"));
    }

    @Test
    void maxpoolGradients() {
        check(create("maxpool2d", Shape.of(3, 6, 6), Map.of()), images(15, 2, 3, 6, 6));
        check(create("maxpool2d", Shape.of(2, 7, 7), Map.of("kernel", 3, "stride", 2, "padding", 1)), images(16, 2, 2, 7, 7));
        check(create("maxpool2d", Shape.of(2, 5, 5), Map.of("padding", "same")), images(17, 2, 2, 5, 5));
    }

    @Test
    void avgpoolGradients() {
        check(create("avgpool2d", Shape.of(3, 6, 6), Map.of()), images(18, 2, 3, 6, 6));
        check(create("avgpool2d", Shape.of(2, 7, 7), Map.of("kernel", 3, "stride", 2, "padding", 1)), images(19, 2, 2, 7, 7));
        check(create("avgpool2d", Shape.of(2, 5, 5), Map.of("padding", "same")), images(20, 2, 2, 5, 5));
    }

    @Test
    void globalAvgpoolGradients() {
        check(create("global_avgpool", Shape.of(3, 5, 5), Map.of()), images(21, 2, 3, 5, 5));
    }

    @Test
    void poolingValuesMatchTheirDefinitions() {
        INDArray x = Nd4j.arange(16).castTo(DataType.DOUBLE).reshape(1, 1, 4, 4); // rows 0..3, 4..7, ...
        INDArray max = create("maxpool2d", Shape.of(1, 4, 4), Map.of()).forward(x, false);
        assertEquals(Nd4j.createFromArray(new double[]{5, 7, 13, 15}).reshape(1, 1, 2, 2), max);
        INDArray avg = create("avgpool2d", Shape.of(1, 4, 4), Map.of()).forward(x, false);
        assertEquals(Nd4j.createFromArray(new double[]{2.5, 4.5, 10.5, 12.5}).reshape(1, 1, 2, 2), avg);
        // Padding counts as zeros in the average: the corner window of 3x3 over 2x2 values.
        INDArray padded = create("avgpool2d", Shape.of(1, 4, 4), Map.of("kernel", 3, "stride", 3, "padding", 1))
                .forward(x, false);
        assertEquals((0 + 1 + 4 + 5) / 9.0, padded.getDouble(0, 0, 0, 0), 1e-12);
        INDArray global = create("global_avgpool", Shape.of(1, 4, 4), Map.of()).forward(x, false);
        assertArrayEquals(new long[]{1, 1}, global.shape());
        assertEquals(7.5, global.getDouble(0, 0), 1e-12);
    }

    /**
     * Float runs oneDNN's kernels where the build has them, double runs libnd4j's own (which the
     * gradient checks cover): both must agree, forward and backward, padding conventions included.
     */
    @Test
    void floatKernelsAgreeWithTheCheckedDoubleOnes() {
        Object[][] cases = {
                {"conv2d", Shape.of(4, 7, 7), Map.of("filters", 5, "padding", 1)},
                {"conv2d", Shape.of(4, 7, 7), Map.of("filters", 6, "stride", 2, "padding", "same")},
                {"conv2d", Shape.of(4, 7, 7), Map.of("filters", 4, "groups", 2, "padding", 1, "dilation", 2)},
                {"conv2d", Shape.of(4, 7, 7), Map.of("filters", 4, "padding", 1, "dilation", 2)},
                {"conv2d", Shape.of(4, 7, 7), Map.of("filters", 4, "padding", "same", "dilation", 2)},
                {"conv2d", Shape.of(4, 7, 7), Map.of("filters", 4, "groups", 2, "padding", 1)},
                {"maxpool2d", Shape.of(4, 7, 7), Map.of("kernel", 3, "stride", 2, "padding", 1)},
                {"maxpool2d", Shape.of(4, 7, 7), Map.of("padding", "same")},
                {"avgpool2d", Shape.of(4, 7, 7), Map.of("kernel", 3, "stride", 2, "padding", 1)},
                {"avgpool2d", Shape.of(4, 7, 7), Map.of("padding", "same")},
                {"global_avgpool", Shape.of(4, 7, 7), Map.of()}};
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked") Map<String, Object> named = (Map<String, Object>) c[2];
            String what = c[0] + " " + named;
            Shape shape = (Shape) c[1];
            INDArray x = images(22, shape.withBatch(3));
            Layer inDouble = create((String) c[0], shape, named), inFloat = create((String) c[0], shape, named);
            Map<String, INDArray> p = bindRandom(inDouble, 23), gd = new HashMap<>();
            Map<String, INDArray> pf = new HashMap<>(), gf = new HashMap<>();
            p.forEach((k, v) -> {
                pf.put(k, v.castTo(DataType.FLOAT));
                gf.put(k, Nd4j.create(DataType.FLOAT, v.shape()));
                gd.put(k, Nd4j.create(DataType.DOUBLE, v.shape()));
            });
            inDouble.bind(p, gd);
            inFloat.bind(pf, gf);
            INDArray y = inDouble.forward(x, true);
            INDArray g = images(24, y.shape());
            assertClose(y, inFloat.forward(x.castTo(DataType.FLOAT), true), what + " forward");
            assertClose(inDouble.backward(g), inFloat.backward(g.castTo(DataType.FLOAT)), what + " input gradient");
            gd.forEach((k, v) -> assertClose(v, gf.get(k), what + " gradient of " + k));
        }
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        double diff = expected.sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(diff < 1e-5 * scale, what + ": differs by " + diff);
    }

    /** y[n, f, i, j] = b[f] + sum over c, u, v of W[f, c, u, v] * x[n, c, i*s - p + u*d, j*s - p + v*d]. */
    static INDArray plainConv(INDArray x, INDArray w, INDArray b, int k, int s, int p, int d) {
        int n = (int) x.size(0), c = (int) x.size(1), h = (int) x.size(2), wi = (int) x.size(3), f = (int) w.size(0);
        int extent = (k - 1) * d + 1;
        int oh = (h + 2 * p - extent) / s + 1, ow = (wi + 2 * p - extent) / s + 1;
        INDArray y = Nd4j.create(DataType.DOUBLE, n, f, oh, ow);
        for (int a = 0; a < n; a++)
            for (int o = 0; o < f; o++)
                for (int i = 0; i < oh; i++)
                    for (int j = 0; j < ow; j++) {
                        double sum = b.getDouble(o);
                        for (int ch = 0; ch < c; ch++)
                            for (int u = 0; u < k; u++)
                                for (int v = 0; v < k; v++) {
                                    int r = i * s - p + u * d, q = j * s - p + v * d;
                                    if (r >= 0 && r < h && q >= 0 && q < wi) {
                                        sum += w.getDouble(o, ch, u, v) * x.getDouble(a, ch, r, q);
                                    }
                                }
                        y.putScalar(new int[]{a, o, i, j}, sum);
                    }
        return y;
    }

    static Map<String, INDArray> bindRandom(Layer layer, long seed) {
        Random rng = new Random(seed);
        Map<String, INDArray> params = new HashMap<>();
        Map<String, INDArray> grads = new HashMap<>();
        for (ParamSpec s : layer.parameters()) {
            params.put(s.name(), GradientCheck.awayFromZero(rng, 0.1, 1, s.shape()));
            grads.put(s.name(), Nd4j.create(DataType.DOUBLE, s.shape()));
        }
        layer.bind(params, grads);
        return params;
    }

    static INDArray forwardWithRandomParams(Layer layer, INDArray x, long seed) {
        bindRandom(layer, seed);
        return layer.forward(x, true);
    }

    static void check(Layer layer, INDArray x) {
        GradientCheck.Result r = GradientCheck.checkLayer(layer, x, 99);
        assertTrue(r.passed(), layer.getClass().getSimpleName() + ": " + GradientCheck.describe(r).get(0));
    }
}
