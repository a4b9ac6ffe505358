package nn.stdlib;

import nn.api.graph.Shape;
import nn.api.runtime.Layer;
import nn.testkit.GradientCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.Random;

import static nn.stdlib.StdlibCalls.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchNormTest {

    @BeforeAll
    static void setUp() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @Test
    void gradientsPerChannelOfImages() {
        Layer bn = create("batchnorm", Shape.of(3, 5, 5), Map.of());
        INDArray x = GradientCheck.awayFromZero(new Random(1), 0.1, 2, 2, 3, 5, 5);
        GradientCheck.Result r = GradientCheck.checkLayer(bn, x, 2);
        assertTrue(r.passed(), GradientCheck.describe(r).get(0));
    }

    @Test
    void gradientsPerFeature() {
        Layer bn = create("batchnorm", Shape.of(4), Map.of());
        INDArray x = GradientCheck.awayFromZero(new Random(3), 0.1, 2, 6, 4);
        GradientCheck.Result r = GradientCheck.checkLayer(bn, x, 4);
        assertTrue(r.passed(), GradientCheck.describe(r).get(0));
    }

    @Test
    void trainingNormalisesEachChannel() {
        Layer bn = create("batchnorm", Shape.of(3, 5, 5), Map.of("eps", 0.0));
        ConvolutionLayersTest.bindRandom(bn, 5);
        INDArray x = GradientCheck.awayFromZero(new Random(6), 0.1, 2, 4, 3, 5, 5);
        INDArray y = bn.forward(x, true);
        INDArray gamma = Nd4j.ones(DataType.DOUBLE, 3), beta = Nd4j.zeros(DataType.DOUBLE, 3);
        bn.bind(Map.of("gamma", gamma, "beta", beta), Map.of("gamma", gamma.dup(), "beta", beta.dup()));
        y = bn.forward(x, true);
        for (int c = 0; c < 3; c++) {
            INDArray channel = y.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(c)).dup();
            assertEquals(0.0, channel.meanNumber().doubleValue(), 1e-12);
            assertEquals(1.0, channel.var(false).getDouble(0), 1e-9);
        }
    }

    @Test
    void evaluationUsesRunningStatistics() {
        double momentum = 0.1, eps = 1e-5;
        Layer bn = create("batchnorm", Shape.of(2), Map.of("momentum", momentum, "eps", eps));
        INDArray gamma = Nd4j.createFromArray(2.0, 3.0), beta = Nd4j.createFromArray(0.5, -1.0);
        bn.bind(Map.of("gamma", gamma, "beta", beta), Map.of("gamma", gamma.dup(), "beta", beta.dup()));
        INDArray x = Nd4j.createFromArray(new double[][]{{1, 10}, {3, 20}, {5, 60}});
        bn.forward(x, true);
        // One batch: running = 0.9 * (0, 1) + 0.1 * (batch mean, unbiased batch variance).
        INDArray mean = bn.state().get("running_mean"), var = bn.state().get("running_var");
        assertEquals(0.1 * 3, mean.getDouble(0), 1e-12);
        assertEquals(0.1 * 30, mean.getDouble(1), 1e-12);
        assertEquals(0.9 + 0.1 * 4, var.getDouble(0), 1e-12);
        assertEquals(0.9 + 0.1 * 700, var.getDouble(1), 1e-12);
        INDArray y = bn.forward(x, false);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 2; c++) {
                double expected = gamma.getDouble(c) * (x.getDouble(r, c) - mean.getDouble(c))
                        / Math.sqrt(var.getDouble(c) + eps) + beta.getDouble(c);
                assertEquals(expected, y.getDouble(r, c), 1e-12);
            }
        }
    }

    @Test
    void restoredStatisticsGiveTheSameEvaluation() {
        Layer trained = create("batchnorm", Shape.of(3), Map.of());
        ConvolutionLayersTest.bindRandom(trained, 7);
        trained.forward(GradientCheck.awayFromZero(new Random(8), 0.1, 2, 5, 3), true);
        Layer fresh = create("batchnorm", Shape.of(3), Map.of());
        ConvolutionLayersTest.bindRandom(fresh, 7);
        fresh.restoreState(trained.state());
        INDArray x = GradientCheck.awayFromZero(new Random(9), 0.1, 2, 4, 3);
        assertEquals(trained.forward(x, false), fresh.forward(x, false));
    }
}
