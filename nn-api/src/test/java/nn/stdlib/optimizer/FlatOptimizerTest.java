package nn.stdlib.optimizer;

import nn.api.registry.Registry;
import nn.api.runtime.Optimizer;
import nn.api.spi.OptimizerProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The optimizers' vectorisable loops flush subnormal state a slice a step instead of per
 * element; the parameters must come out bit for bit as with a flush of every element on every
 * step (the scalar reference below, the previous implementation), and no state value may stay
 * subnormal longer than one pass of the slices.
 */
class FlatOptimizerTest {
    private static final Registry REGISTRY = Registry.load();
    private static final int N = 90, STEPS = 600;

    record Case(String optimizer, Map<String, Object> args) {
        @Override
        public String toString() {
            return optimizer + args;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("adam", Map.of("lr", 0.01)),
                new Case("adam", Map.of("lr", 0.01, "weight_decay", 0.05)),
                new Case("adamw", Map.of("lr", 0.01, "weight_decay", 0.05)),
                new Case("sgd", Map.of("lr", 0.05, "momentum", 0.9)),
                new Case("sgd", Map.of("lr", 0.05, "momentum", 0.9, "nesterov", true, "weight_decay", 0.01)),
                new Case("rmsprop", Map.of("lr", 0.01)),
                new Case("rmsprop", Map.of("lr", 0.01, "momentum", 0.9)));
    }

    static Optimizer create(Case c) {
        OptimizerProvider p = REGISTRY.optimizers().get(c.optimizer());
        return p.create(p.schema().bind(List.of(), c.args(), (w, m, h) -> {
            throw new AssertionError(m);
        }));
    }

    /**
     * Gradients of three kinds: ordinary ones; ones that are tiny (1e-17 to 1e-30, so that the
     * moments start normal or subnormal) and then 0, so the state decays through the subnormal
     * range; and ones that are 0 throughout.
     */
    static float[] gradient(int t, float[] p, Random rng) {
        float[] g = new float[N];
        for (int i = 0; i < N; i++) {
            g[i] = switch (i % 3) {
                case 0 -> 2 * p[i] + (float) rng.nextGaussian() * 0.1f;
                case 1 -> t <= 20 ? (float) Math.pow(10, -17 - (i / 3) % 14) : 0f;
                default -> 0f;
            };
        }
        return g;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void parametersEqualAFlushOfEveryElementOnEveryStepBitForBit(Case c) {
        Optimizer fast = create(c);
        Reference reference = new Reference(c);
        Random rng = new Random(7);
        float[] start = new float[N];
        for (int i = 0; i < N; i++) start[i] = (float) rng.nextGaussian();
        INDArray params = Nd4j.createFromArray(start.clone());
        float[] expected = start.clone();
        boolean passedThroughSubnormals = false;
        for (int t = 1; t <= STEPS; t++) {
            float[] g = gradient(t, params.toFloatVector(), rng);
            fast.step(params, Nd4j.createFromArray(g.clone()));
            reference.step(expected, g, t);
            passedThroughSubnormals |= reference.sawSubnormal;
        }
        // Coupled weight decay keeps every gradient away from 0, so nothing decays there.
        boolean decays = !c.args().containsKey("weight_decay") || c.optimizer().equals("adamw");
        if (decays) assertTrue(passedThroughSubnormals, "the case must drive some state through the subnormal range");
        // Bit for bit, except for parameters that coupled weight decay has driven to within
        // 1e-30 of 0: there a moment's subnormal value may linger for a few steps and move
        // them by amounts of that size.
        float[] actual = params.toFloatVector();
        for (int i = 0; i < N; i++) {
            if (Math.abs(expected[i]) >= 1e-30f) assertEquals(expected[i], actual[i], 0f, c + ": parameter " + i);
            else assertTrue(Math.abs(actual[i]) < 1e-30f, c + ": parameter " + i + " " + actual[i] + " against " + expected[i]);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void noStateValueStaysSubnormalLongerThanOnePassOfTheSlices(Case c) {
        Optimizer o = create(c);
        Random rng = new Random(11);
        INDArray params = Nd4j.rand(DataType.FLOAT, N);
        Map<String, INDArray> state = Map.of();
        int[][] subnormalFor = null;
        for (int t = 1; t <= STEPS; t++) {
            o.step(params, Nd4j.createFromArray(gradient(t, params.toFloatVector(), rng)));
            state = o.state();
            List<INDArray> buffers = state.entrySet().stream().filter(e -> !e.getKey().equals("iteration"))
                    .map(Map.Entry::getValue).toList();
            if (subnormalFor == null) subnormalFor = new int[buffers.size()][N];
            for (int b = 0; b < buffers.size(); b++) {
                float[] values = buffers.get(b).toFloatVector();
                for (int i = 0; i < N; i++) {
                    boolean subnormal = values[i] != 0 && Math.abs(values[i]) < Float.MIN_NORMAL;
                    subnormalFor[b][i] = subnormal ? subnormalFor[b][i] + 1 : 0;
                    assertTrue(subnormalFor[b][i] <= FlatOptimizer.FLUSH_SLICES,
                            c + ": state " + b + "[" + i + "] subnormal for " + subnormalFor[b][i] + " steps");
                }
            }
        }
    }

    /** Float64 parameters (gradient checks) take the same update through a float32 copy. */
    @Test
    void doubleParametersGetTheFloatUpdate() {
        Case c = new Case("adam", Map.of("lr", 0.01, "weight_decay", 0.01));
        Optimizer onFloats = create(c), onDoubles = create(c);
        INDArray f = Nd4j.createFromArray(0.5f, -1.5f, 2f, 0f);
        INDArray d = f.castTo(DataType.DOUBLE);
        for (int t = 0; t < 20; t++) {
            onFloats.step(f, f.mul(2));
            onDoubles.step(d, d.mul(2));
        }
        assertEquals(DataType.DOUBLE, d.dataType());
        assertArrayEquals(f.toFloatVector(), d.toFloatVector());
    }

    /** The previous implementation: one scalar loop per optimizer that flushes every state value on every step. */
    private static final class Reference {
        private final Case c;
        private final float[] a = new float[N], b = new float[N];
        boolean sawSubnormal;

        Reference(Case c) {
            this.c = c;
        }

        private double arg(String name, double otherwise) {
            Object v = c.args().get(name);
            return v == null ? otherwise : ((Number) v).doubleValue();
        }

        private float flushed(float x) {
            if (x != 0 && Math.abs(x) < Float.MIN_NORMAL) sawSubnormal = true;
            return Math.abs(x) < Float.MIN_NORMAL ? 0f : x;
        }

        void step(float[] p, float[] gradient, long t) {
            sawSubnormal = false;
            float[] g = gradient.clone();
            double lr = arg("lr", 0), wd = arg("weight_decay", c.optimizer().equals("adamw") ? 0.01 : 0);
            if (wd > 0 && !c.optimizer().equals("adamw")) {
                for (int i = 0; i < N; i++) g[i] += (float) wd * p[i];
            }
            switch (c.optimizer()) {
                case "adam", "adamw" -> {
                    if (c.optimizer().equals("adamw")) {
                        float shrink = (float) (1 - lr * wd);
                        for (int i = 0; i < N; i++) p[i] *= shrink;
                    }
                    float b1 = 0.9f, b2 = 0.999f, eps = 1e-8f;
                    float stepSize = (float) (lr / (1 - Math.pow(0.9, t)));
                    float correction2 = (float) Math.sqrt(1 - Math.pow(0.999, t));
                    for (int i = 0; i < N; i++) {
                        a[i] = flushed(b1 * a[i] + (1 - b1) * g[i]);
                        b[i] = flushed(b2 * b[i] + (1 - b2) * g[i] * g[i]);
                        p[i] -= stepSize * a[i] / ((float) Math.sqrt(b[i]) / correction2 + eps);
                    }
                }
                case "sgd" -> {
                    float rate = (float) lr, mu = (float) arg("momentum", 0);
                    boolean nesterov = Boolean.TRUE.equals(c.args().get("nesterov"));
                    for (int i = 0; i < N; i++) {
                        a[i] = flushed(mu * a[i] + g[i]);
                        p[i] -= rate * (nesterov ? g[i] + mu * a[i] : a[i]);
                    }
                }
                case "rmsprop" -> {
                    float alpha = 0.99f, eps = 1e-8f, mu = (float) arg("momentum", 0), rate = (float) lr;
                    for (int i = 0; i < N; i++) {
                        a[i] = flushed(alpha * a[i] + (1 - alpha) * g[i] * g[i]);
                        float step = g[i] / ((float) Math.sqrt(a[i]) + eps);
                        if (mu > 0) {
                            b[i] = flushed(mu * b[i] + step);
                            step = b[i];
                        }
                        p[i] -= rate * step;
                    }
                }
                default -> throw new AssertionError(c);
            }
        }
    }
}
