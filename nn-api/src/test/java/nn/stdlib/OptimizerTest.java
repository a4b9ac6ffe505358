package nn.stdlib;

import nn.api.registry.Registry;
import nn.api.runtime.Optimizer;
import nn.api.spi.OptimizerProvider;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizerTest {
    static final Registry REGISTRY = Registry.load();

    static Optimizer create(String name, Map<String, Object> args) {
        OptimizerProvider p = REGISTRY.optimizers().get(name);
        return p.create(p.schema().bind(java.util.List.of(), args, (w, m, h) -> {
            throw new AssertionError(m);
        }));
    }

    @Test
    void adamsFirstStepMovesEachParameterByTheLearningRateAgainstItsGradientsSign() {
        Optimizer adam = create("adam", Map.of("lr", 0.01));
        INDArray p = Nd4j.createFromArray(1f, 2f, 3f);
        INDArray g = Nd4j.createFromArray(0.5f, -2f, 1e-3f);
        adam.step(p, g);
        // m_hat = g and v_hat = g^2 after one step, so the update is lr * g / (|g| + eps).
        assertEquals(1 - 0.01, p.getDouble(0), 1e-6);
        assertEquals(2 + 0.01, p.getDouble(1), 1e-6);
        assertEquals(3 - 0.01 * 1e-3 / (1e-3 + 1e-8), p.getDouble(2), 1e-6);
    }

    @Test
    void adamMatchesADoublePrecisionReferenceOverManySteps() {
        double lr = 0.05, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        Optimizer adam = create("adam", Map.of("lr", lr));
        INDArray p = Nd4j.createFromArray(1f, -2f, 0.5f);
        double[] ref = {1, -2, 0.5}, m = new double[3], v = new double[3];
        for (int t = 1; t <= 50; t++) {
            double[] g = new double[3];
            for (int i = 0; i < 3; i++) g[i] = 2 * ref[i] - 1; // gradient of ref^2 - ref
            INDArray grad = Nd4j.createFromArray(new float[]{(float) (2 * p.getDouble(0) - 1),
                    (float) (2 * p.getDouble(1) - 1), (float) (2 * p.getDouble(2) - 1)});
            adam.step(p, grad);
            for (int i = 0; i < 3; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(b1, t)), vHat = v[i] / (1 - Math.pow(b2, t));
                ref[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
        }
        for (int i = 0; i < 3; i++) assertEquals(ref[i], p.getDouble(i), 1e-4, "parameter " + i);
    }

    @Test
    void adamStateRoundTripsSoTrainingCanResume() {
        Optimizer a = create("adam", Map.of());
        INDArray p = Nd4j.createFromArray(1f, 2f, 3f);
        a.step(p, Nd4j.createFromArray(0.1f, 0.2f, 0.3f));
        Optimizer b = create("adam", Map.of());
        b.restore(a.state());
        INDArray pa = p.dup(), pb = p.dup();
        a.step(pa, Nd4j.createFromArray(0.3f, -0.1f, 0.2f));
        b.step(pb, Nd4j.createFromArray(0.3f, -0.1f, 0.2f));
        assertEquals(pa, pb);
    }

    /**
     * A parameter whose gradient stays 0 (a blank border pixel's weight) has moments that decay
     * geometrically; they must end at 0, not linger as subnormal floats that slow every step.
     */
    @Test
    void decayedStateIsFlushedToZeroNotLeftSubnormal() {
        for (String name : new String[]{"adam", "adamw", "sgd", "rmsprop"}) {
            Optimizer o = create(name, name.equals("sgd") ? Map.of("momentum", 0.9) : Map.of());
            INDArray p = Nd4j.createFromArray(1f, 1f);
            o.step(p, Nd4j.createFromArray(1e-3f, 1e-3f));
            for (int t = 0; t < 1500; t++) o.step(p, Nd4j.createFromArray(0f, 1e-3f));
            for (var e : o.state().entrySet()) {
                if (e.getKey().equals("iteration")) continue;
                float decayed = e.getValue().getFloat(0);
                assertTrue(decayed == 0f || Math.abs(decayed) >= Float.MIN_NORMAL,
                        name + "." + e.getKey() + " is subnormal: " + decayed);
            }
        }
    }

    @Test
    void sgdWithMomentumAccumulatesVelocity() {
        Optimizer sgd = create("sgd", Map.of("lr", 0.1, "momentum", 0.9));
        INDArray p = Nd4j.createFromArray(1f, 1f, 1f);
        INDArray g = Nd4j.createFromArray(1f, 0f, -1f);
        sgd.step(p, g.dup()); // v = g: p = 1 - 0.1 g
        sgd.step(p, g.dup()); // v = 0.9 g + g = 1.9 g: p -= 0.19 g
        assertEquals(1 - 0.29, p.getDouble(0), 1e-6);
        assertEquals(1, p.getDouble(1), 1e-6);
        assertEquals(1 + 0.29, p.getDouble(2), 1e-6);
    }

    static java.util.stream.Stream<String> optimizers() {
        return REGISTRY.optimizers().keySet().stream();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("optimizers")
    void everyOptimizerDescendsAQuadraticAndResumesExactly(String name) {
        double lr = name.equals("adagrad") ? 0.5 : 0.05; // adagrad's steps shrink as 1/sqrt(t)
        Optimizer a = create(name, Map.of("lr", lr));
        INDArray p = Nd4j.createFromArray(5f, -3f, 1f);
        double start = p.norm2Number().doubleValue();
        for (int i = 0; i < 100; i++) a.step(p, p.mul(2));
        assertTrue(p.norm2Number().doubleValue() < start / 2, name + " did not descend: " + p);

        Optimizer b = create(name, Map.of("lr", lr));
        b.restore(a.state());
        INDArray pa = p.dup(), pb = p.dup();
        for (int i = 0; i < 5; i++) {
            a.step(pa, pa.mul(2));
            b.step(pb, pb.mul(2));
        }
        assertEquals(pa, pb, name + " after restore");
    }

    @Test
    void nesterovLooksAhead() {
        Optimizer sgd = create("sgd", Map.of("lr", 0.1, "momentum", 0.9, "nesterov", true));
        INDArray p = Nd4j.createFromArray(1f, 1f, 1f);
        sgd.step(p, Nd4j.createFromArray(1f, 0f, -1f)); // v = g; step = g + 0.9 v = 1.9 g
        assertEquals(1 - 0.19, p.getDouble(0), 1e-6);
        assertEquals(1 + 0.19, p.getDouble(2), 1e-6);
    }

    @Test
    void adamwDecaysWeightsIndependentlyOfTheGradient() {
        Optimizer adamw = create("adamw", Map.of("lr", 0.1, "weight_decay", 0.5));
        INDArray p = Nd4j.createFromArray(2f, 2f, 2f);
        adamw.step(p, Nd4j.createFromArray(0f, 0f, 0f)); // zero gradient: only the decay acts
        assertEquals(2 * (1 - 0.1 * 0.5), p.getDouble(0), 1e-6);
    }

    @Test
    void l2WeightDecayEntersTheGradient() {
        Optimizer sgd = create("sgd", Map.of("lr", 0.1, "weight_decay", 0.5));
        INDArray p = Nd4j.createFromArray(2f, 2f, 2f);
        sgd.step(p, Nd4j.createFromArray(0f, 1f, 0f)); // g + 0.5 p
        assertEquals(2 - 0.1 * 1.0, p.getDouble(0), 1e-6);
        assertEquals(2 - 0.1 * 2.0, p.getDouble(1), 1e-6);
    }

    @Test
    void clippingBoundsTheGradientsGlobalNorm() {
        Optimizer sgd = create("sgd", Map.of("lr", 1.0, "clip_norm", 1.0));
        INDArray p = Nd4j.createFromArray(0f, 0f, 0f);
        sgd.step(p, Nd4j.createFromArray(3f, 4f, 0f)); // norm 5 -> scaled to 1
        assertEquals(-0.6, p.getDouble(0), 1e-5);
        assertEquals(-0.8, p.getDouble(1), 1e-5);
    }

    @Test
    void rmspropAndAdagradFirstSteps() {
        Optimizer rms = create("rmsprop", Map.of("lr", 0.01));
        INDArray p = Nd4j.createFromArray(1f, 1f, 1f);
        rms.step(p, Nd4j.createFromArray(2f, 2f, 2f)); // s = 0.01 * 4; step = 2 / sqrt(0.04) = 10
        assertEquals(1 - 0.01 * 10, p.getDouble(0), 1e-5);
        Optimizer ada = create("adagrad", Map.of("lr", 0.1));
        INDArray q = Nd4j.createFromArray(1f, 1f, 1f);
        ada.step(q, Nd4j.createFromArray(2f, 2f, 2f)); // sum = 4; step = 2 / 2 = 1
        assertEquals(1 - 0.1, q.getDouble(0), 1e-6);
    }

    @Test
    void plainSgdDescendsAQuadratic() {
        Optimizer sgd = create("sgd", Map.of("lr", 0.1));
        INDArray p = Nd4j.createFromArray(5f, -3f, 1f);
        for (int i = 0; i < 200; i++) sgd.step(p, p.mul(2)); // gradient of |p|^2
        assertTrue(p.norm2Number().doubleValue() < 1e-6, p.toString());
        assertEquals(DataType.FLOAT, p.dataType());
    }
}
