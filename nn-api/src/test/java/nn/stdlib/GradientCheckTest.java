package nn.stdlib;

import nn.api.graph.Shape;
import nn.api.registry.Registry;
import nn.api.runtime.ActivationLayer;
import nn.api.runtime.Layer;
import nn.api.schema.Args;
import nn.api.spi.ActivationProvider;
import nn.api.spi.LossProvider;
import nn.stdlib.layer.Dense;
import nn.stdlib.layer.Flatten;
import nn.testkit.GradientCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every standard layer, activation and loss against finite differences, in double precision. */
class GradientCheckTest {
    static Registry registry;

    @BeforeAll
    static void setUp() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        registry = Registry.load();
    }

    static Stream<String> activations() {
        return Registry.load().activations().keySet().stream();
    }

    static Stream<String> losses() {
        return Registry.load().losses().keySet().stream();
    }

    @Test
    void denseWithBias() {
        Dense dense = new Dense(5, 3, true, "xavier");
        INDArray x = GradientCheck.awayFromZero(new Random(1), 0.1, 1.0, 4, 5);
        assertPassed(GradientCheck.checkLayer(dense, x, 2));
    }

    @Test
    void denseWithoutBias() {
        Dense dense = new Dense(3, 2, false, "xavier");
        assertEquals(1, dense.parameters().size());
        INDArray x = GradientCheck.awayFromZero(new Random(3), 0.1, 1.0, 2, 3);
        assertPassed(GradientCheck.checkLayer(dense, x, 4));
    }

    @Test
    void flatten() {
        Layer flatten = new Flatten(Shape.of(2, 3, 2));
        INDArray x = GradientCheck.awayFromZero(new Random(5), 0.1, 1.0, 3, 2, 3, 2);
        assertPassed(GradientCheck.checkLayer(flatten, x, 6));
    }

    @ParameterizedTest
    @MethodSource("activations")
    void activation(String name) {
        ActivationProvider provider = registry.activations().get(name);
        Args args = provider.schema().defaults();
        Layer layer = new ActivationLayer(provider.create(args), Shape.of(6));
        INDArray x = GradientCheck.awayFromZero(new Random(7), 0.1, 2.0, 4, 6);
        assertPassed(GradientCheck.checkLayer(layer, x, 8));
    }

    @ParameterizedTest
    @MethodSource("activations")
    void scalarDerivativeMatchesScalarValue(String name) {
        var activation = registry.activations().get(name).create(registry.activations().get(name).schema().defaults());
        for (double x = -3.05; x < 3; x += 0.5) {
            double numeric = (activation.value(x + 1e-6) - activation.value(x - 1e-6)) / 2e-6;
            assertEquals(numeric, activation.derivative(x), 1e-5, name + "'(" + x + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("activations")
    void tensorForwardMatchesScalarValue(String name) {
        if (name.equals("softmax")) return; // row-wise: covered by its own test
        var activation = registry.activations().get(name).create(registry.activations().get(name).schema().defaults());
        INDArray x = GradientCheck.awayFromZero(new Random(9), 0.1, 3.0, 3, 4);
        INDArray y = Nd4j.create(DataType.DOUBLE, 3, 4);
        activation.forward(x, y);
        for (long i = 0; i < x.length(); i++) {
            assertEquals(activation.value(x.getDouble(i)), y.getDouble(i), 1e-12, name + "(" + x.getDouble(i) + ")");
        }
    }

    @Test
    void softmaxRowsSumToOne() {
        var softmax = registry.activations().get("softmax").create(Args.EMPTY);
        INDArray x = GradientCheck.awayFromZero(new Random(10), 0.1, 5.0, 3, 4);
        INDArray y = Nd4j.create(DataType.DOUBLE, 3, 4);
        softmax.forward(x, y);
        for (int r = 0; r < 3; r++) assertEquals(1.0, y.getRow(r).sumNumber().doubleValue(), 1e-12);
    }

    @ParameterizedTest
    @MethodSource("losses")
    void loss(String name) {
        LossProvider provider = registry.losses().get(name);
        INDArray output = GradientCheck.awayFromZero(new Random(11), 0.1, 3.0, 5, 4);
        INDArray target = Nd4j.create(DataType.DOUBLE, 5, 4);
        for (int i = 0; i < 5; i++) target.putScalar(i, i % 4, 1.0);
        assertPassed(GradientCheck.checkLoss(provider.create(provider.schema().defaults()), output, target));
    }

    @Test
    void crossEntropyWithLabelSmoothingPassesTheGradientCheckAndMixesInTheUniformTarget() {
        LossProvider provider = registry.losses().get("cross_entropy");
        var smoothed = provider.create(new Args(java.util.Map.of("label_smoothing", 0.1)));
        INDArray output = GradientCheck.awayFromZero(new Random(12), 0.1, 3.0, 5, 4);
        INDArray target = Nd4j.create(DataType.DOUBLE, 5, 4);
        for (int i = 0; i < 5; i++) target.putScalar(i, i % 4, 1.0);
        assertPassed(GradientCheck.checkLoss(smoothed, output, target));
        // (1 - ε) times the plain loss plus ε times the loss against the uniform target.
        var plain = provider.create(provider.schema().defaults());
        INDArray uniform = Nd4j.valueArrayOf(new long[]{5, 4}, 0.25, DataType.DOUBLE);
        assertEquals(0.9 * plain.value(output, target) + 0.1 * plain.value(output, uniform),
                smoothed.value(output, target), 1e-12);
    }

    @Test
    void crossEntropyIsStableForHugeLogits() {
        var ce = registry.losses().get("cross_entropy").create(Args.EMPTY);
        INDArray logits = Nd4j.createFromArray(new double[][]{{1000, 0, -1000}, {0, 800, 0}});
        INDArray target = Nd4j.createFromArray(new double[][]{{1, 0, 0}, {1, 0, 0}});
        INDArray g = Nd4j.create(DataType.DOUBLE, 2, 3);
        double loss = ce.forwardBackward(logits, target, g);
        assertEquals(400.0, loss, 1e-9); // (0 + 800) / 2
        assertTrue(Double.isFinite(g.sumNumber().doubleValue()));
    }

    private static void assertPassed(GradientCheck.Result result) {
        assertTrue(result.passed(), GradientCheck.describe(result).get(0));
    }
}
