package nn.cli.plot;

import nn.api.registry.Registry;
import nn.api.runtime.Activation;
import nn.api.schema.Args;
import nn.api.spi.ActivationProvider;
import nn.api.spi.Backend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sampled curves are the activations' tensor passes, and agree with their scalar forms. */
class ActivationCurveTest {
    static Registry registry;

    @BeforeAll
    static void backend() {
        registry = Registry.load();
        registry.backends().get("cpu").activate(new Backend.Options(1));
    }

    @Test
    void tensorPassesAgreeWithTheScalarFormsForEveryActivation() {
        for (Map.Entry<String, ActivationProvider> e : registry.activations().entrySet()) {
            Activation a = e.getValue().create(e.getValue().schema().defaults());
            ActivationCurve curve = ActivationCurve.sample(e.getKey(), a, -6, 6, 241);
            for (int i = 0; i < curve.x().length; i++) {
                double x = curve.x()[i];
                assertEquals(a.value(x), curve.value()[i], 1e-6, e.getKey() + "(" + x + ")");
                if (Math.abs(x) > 1e-9) { // kinks at 0: either one-sided derivative is fine
                    assertEquals(a.derivative(x), curve.derivative()[i], 1e-6, e.getKey() + "'(" + x + ")");
                }
            }
        }
    }

    @Test
    void sigmoidSlopePeaksAtAQuarterAndTheStepFiresAboveItsThreshold() {
        ActivationCurve sigmoid = ActivationCurve.sample("sigmoid",
                registry.activations().get("sigmoid").create(Args.EMPTY), -6, 6, 13);
        assertEquals(0.25, sigmoid.derivative()[6], 1e-12);
        assertEquals(0.5, sigmoid.value()[6], 1e-12);
        ActivationCurve step = ActivationCurve.sample("step",
                registry.activations().get("step").create(registry.activations().get("step").schema()
                        .bind(java.util.List.of(), Map.of("threshold", 2.0), (w, m, h) -> {
                            throw new AssertionError(m);
                        })), -6, 6, 13);
        assertEquals(0.0, step.value()[8], "step(2) is not above the threshold");
        assertEquals(1.0, step.value()[9], "step(3)");
        for (double d : step.derivative()) assertEquals(0.0, d, "the step's derivative is zero everywhere");
    }
}
