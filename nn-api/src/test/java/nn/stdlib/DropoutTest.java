package nn.stdlib;

import nn.api.graph.Shape;
import nn.api.runtime.Layer;
import nn.testkit.GradientCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static nn.stdlib.StdlibCalls.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DropoutTest {

    @BeforeAll
    static void setUp() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    static Layer dropout(double rate, long seed) {
        Layer d = create("dropout", Shape.of(4, 50), Map.of("rate", rate));
        d.seed(seed);
        return d;
    }

    @Test
    void evaluationIsTheIdentity() {
        INDArray x = Nd4j.ones(DataType.DOUBLE, 3, 4, 50);
        Layer d = dropout(0.5, 1);
        assertSame(x, d.forward(x, false));
        INDArray g = Nd4j.ones(DataType.DOUBLE, 3, 4, 50);
        assertSame(g, d.backward(g));
    }

    @Test
    void trainingZeroesAboutRateAndScalesTheRest() {
        INDArray x = Nd4j.ones(DataType.DOUBLE, 50, 4, 50);
        INDArray y = dropout(0.25, 2).forward(x, true);
        long zeros = 0;
        for (long i = 0; i < y.length(); i++) {
            double v = y.getDouble(i);
            if (v == 0) zeros++;
            else assertEquals(1 / 0.75, v, 1e-6);
        }
        assertEquals(0.25, zeros / (double) y.length(), 0.01);
        assertEquals(Nd4j.ones(DataType.DOUBLE, 50, 4, 50), x, "the input is not written");
    }

    @Test
    void theSameSeedGivesTheSameMasksAndAnotherSeedOthers() {
        INDArray x = Nd4j.ones(DataType.DOUBLE, 2, 4, 50);
        INDArray a = dropout(0.5, 7).forward(x, true).dup();
        assertEquals(a, dropout(0.5, 7).forward(x, true));
        assertNotEquals(a, dropout(0.5, 8).forward(x, true));
    }

    @Test
    void restoredStateRepeatsTheNextMask() {
        INDArray x = Nd4j.ones(DataType.DOUBLE, 2, 4, 50);
        Layer d = dropout(0.5, 3);
        d.forward(x, true);
        Map<String, INDArray> saved = Map.of("rng", d.state().get("rng").dup());
        INDArray next = d.forward(x, true).dup();
        Layer resumed = dropout(0.5, 999);
        resumed.restoreState(saved);
        assertEquals(next, resumed.forward(x, true));
    }

    @Test
    void backwardAppliesTheForwardMask() {
        INDArray x = Nd4j.ones(DataType.DOUBLE, 2, 4, 50);
        Layer d = dropout(0.5, 4);
        INDArray y = d.forward(x, true).dup();
        assertEquals(y, d.backward(Nd4j.ones(DataType.DOUBLE, 2, 4, 50)));
    }

    @Test
    void gradientsWithAFixedMask() {
        Layer d = dropout(0.3, 5);
        // The check runs forward many times; reseeding before each keeps the mask fixed.
        Layer fixedMask = new Layer() {
            @Override
            public INDArray forward(INDArray input, boolean training) {
                d.seed(5);
                return d.forward(input, training);
            }

            @Override
            public INDArray backward(INDArray gradOutput) {
                return d.backward(gradOutput);
            }
        };
        INDArray x = GradientCheck.awayFromZero(new Random(6), 0.1, 1, 2, 4, 50);
        GradientCheck.Result r = GradientCheck.checkLayer(fixedMask, x, 7);
        assertTrue(r.passed(), GradientCheck.describe(r).get(0));
    }

    @Test
    void rateOneDropsEverything() {
        INDArray y = dropout(1.0, 1).forward(Nd4j.ones(DataType.DOUBLE, 2, 4, 50), true);
        assertEquals(0.0, y.sumNumber().doubleValue());
    }

    @Test
    void anOddLengthDrawsItsLastValueToo() {
        // Values are drawn two to a random number; the last of an odd count is drawn alone.
        Set<Double> lastValues = new HashSet<>();
        for (long seed = 1; seed <= 64; seed++) {
            Layer d = create("dropout", Shape.of(7), Map.of("rate", 0.5));
            d.seed(seed);
            INDArray y = d.forward(Nd4j.ones(DataType.DOUBLE, 1, 7), true);
            lastValues.add(y.getDouble(0, 6));
        }
        assertEquals(Set.of(0.0, 2.0), lastValues);
    }
}
