package nn.testkit;

import nn.api.graph.Shape;
import nn.api.registry.Registry;
import nn.api.runtime.Layer;
import nn.api.runtime.ParamSpec;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LayerProvider;
import nn.stdlib.activation.Elu;
import nn.stdlib.activation.Sigmoid;
import nn.stdlib.activation.Tanh;
import nn.stdlib.layer.BatchNorm;
import nn.stdlib.layer.Conv2d;
import nn.stdlib.layer.Dense;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test kit passes the standard library's own layers and catches each kind of mistake a plugin author can make. */
class LayerContractTest {

    @Test
    void standardLayersAndActivationsKeepTheContract() {
        assertDoesNotThrow(() -> LayerContract.of(new Dense.Provider()).args(Map.of("units", 4)).input(5).verify());
        assertDoesNotThrow(() -> LayerContract.of(new Conv2d.Provider()).args(Map.of("filters", 2, "kernel", 3))
                .input(1, 5, 5).verify());
        assertDoesNotThrow(() -> LayerContract.of(new BatchNorm.Provider()).input(3, 2, 2).batch(4).verify());
        assertDoesNotThrow(() -> LayerContract.of(new Sigmoid.Provider()).input(4).verify());
        assertDoesNotThrow(() -> LayerContract.of(new Tanh.Provider()).input(4).verify());
        assertDoesNotThrow(() -> LayerContract.of(new Elu.Provider()).args(Map.of("alpha", 0.5)).input(4).verify());
    }

    @Test
    void aWrongBackwardPassIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> LayerContract.of(new Doubler(false, 2.0)).input(3).checkGradients());
        assertTrue(e.getMessage().contains("gradient"), e.getMessage());
    }

    @Test
    void aShapeRuleThatDisagreesWithForwardIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> LayerContract.of(new Doubler(true, 1.0)).input(3).checkShapeInference());
        assertTrue(e.getMessage().contains("outputShape() says [4]"), e.getMessage());
    }

    @Test
    void aProviderMissingFromServiceFilesIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> LayerContract.of(new Doubler(false, 1.0)).checkRegistered());
        assertTrue(e.getMessage().contains("META-INF/services/nn.api.spi.LayerProvider"), e.getMessage());
    }

    @Test
    void aDefaultOutsideItsOwnRangeIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> LayerContract.of(new Doubler(false, 1.0)).checkSchema());
        assertTrue(e.getMessage().contains("factor"), e.getMessage());
    }

    @Test
    void aWrongGradientIsNamedByPositionWithHowManyElementsAreWrong() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> LayerContract.of(new Doubler(false, 2.0)).input(2, 3, 3).checkGradients());
        assertTrue(e.getMessage().contains("wrong at 54 of 54 elements") && e.getMessage().matches("(?s).*input\\[\\d, \\d, \\d, \\d\\].*"),
                e.getMessage());
    }

    @Test
    void aBackwardThatWritesIntoTheGradientItIsGivenIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> LayerContract.of(new Slope(Mistake.WRITES_INCOMING_GRADIENT)).input(2, 2, 2).checkArraysGivenAreNotWritten());
        assertTrue(e.getMessage().contains("backward(gradOutput) wrote into the gradient it was given")
                && e.getMessage().contains("24 of 24 elements differ, the first at [0, 0, 0, 0]"), e.getMessage());
        assertDoesNotThrow(() -> LayerContract.of(new Slope(Mistake.WRITES_INCOMING_GRADIENT)).input(2, 2, 2).checkGradients(),
                "the gradient check alone cannot see it: it hands each call a copy");
    }

    @Test
    void aForwardThatWritesIntoItsInputIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> LayerContract.of(new Slope(Mistake.WRITES_INPUT)).input(3).checkArraysGivenAreNotWritten());
        assertTrue(e.getMessage().contains("forward(input) wrote into its input"), e.getMessage());
    }

    @Test
    void aBackwardThatChangesTheForwardOutputIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> LayerContract.of(new Slope(Mistake.REUSES_OUTPUT_IN_BACKWARD)).input(3).checkArraysGivenAreNotWritten());
        assertTrue(e.getMessage().contains("backward changed the array forward returned"), e.getMessage());
    }

    @Test
    void aBackwardThatAddsToParameterGradientsIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> LayerContract.of(new Slope(Mistake.ACCUMULATES_GRADIENT)).input(3).checkGradientsOverwritten());
        assertTrue(e.getMessage().contains("backward does not overwrite the gradient of 'slope'")
                && e.getMessage().contains("3 of 3 elements differ"), e.getMessage());
        assertDoesNotThrow(() -> LayerContract.of(new Slope(Mistake.ACCUMULATES_GRADIENT)).input(3).checkGradients(),
                "the gradient check alone cannot see it: its buffers start at zero");
    }

    @Test
    void stateThatDoesNotRoundTripIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> LayerContract.of(new Slope(Mistake.FORGETS_STATE)).input(3).checkStateRoundTrip());
        assertTrue(e.getMessage().contains("restoreState") && e.getMessage().contains("elements differ"), e.getMessage());
    }

    @Test
    void aLayerKeepingEveryRulePassesAndItsSlopeStartsAtAConstant() {
        assertDoesNotThrow(() -> {
            LayerContract contract = LayerContract.of(new Slope(Mistake.NONE)).input(2, 2, 2);
            contract.checkParameters();
            contract.checkArraysGivenAreNotWritten();
            contract.checkGradientsOverwritten();
            contract.checkGradients();
            contract.checkStateRoundTrip();
        });
    }

    @Test
    void anInitialiserWithArgumentsThatDoNotBindIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> LayerContract.of(new Slope(Mistake.BAD_INITIALISER)).input(3).checkParameters());
        assertTrue(e.getMessage().contains("initialiser constant(value = true) for parameter slope")
                && e.getMessage().contains("'value' must be a float"), e.getMessage());
    }

    @Test
    void aProviderNamedLikeABuiltInLayerIsToldSoInOneLine() throws Exception {
        LayerProvider clashing = ClashingPlugin.provider();
        AssertionError e = assertThrows(AssertionError.class, () -> LayerContract.of(clashing).checkRegistered());
        assertTrue(e.getMessage().startsWith("'dense' is already a built-in layer (nn.stdlib.layer.Dense$Provider)"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        // the clash does not stop the registry: nn keeps its own dense, so every other check and operation still works
        assertEquals(Dense.Provider.class, Registry.load(clashing.getClass().getClassLoader()).layers().get("dense").getClass());
    }

    @Test
    void aPluginLayerNamedLikeABuiltInActivationIsLeftOutWithAFault() throws Exception {
        LayerProvider relu = ClashingPlugin.provider(org.example.clash.ReluLayer.class);
        com.google.inject.Injector injector = com.google.inject.Guice.createInjector(
                new nn.api.registry.ProvidersModule(relu.getClass().getClassLoader()));
        Registry registry = injector.getInstance(Registry.class);
        assertEquals(nn.stdlib.activation.Relu.Provider.class, registry.operation("relu").getClass());
        assertTrue(!registry.layers().containsKey("relu"), registry.layers().keySet().toString());
        assertTrue(injector.getInstance(nn.api.plugin.Plugins.class).faults().toString().contains(
                "'relu' is already a built-in activation, so org.example.clash.ReluLayer is left out: rename it"),
                injector.getInstance(nn.api.plugin.Plugins.class).faults().toString());
        AssertionError e = assertThrows(AssertionError.class, () -> LayerContract.of(relu).checkRegistered());
        assertTrue(e.getMessage().startsWith("'relu' is already a built-in activation"), e.getMessage());
    }

    enum Mistake { NONE, WRITES_INPUT, WRITES_INCOMING_GRADIENT, REUSES_OUTPUT_IN_BACKWARD, ACCUMULATES_GRADIENT, FORGETS_STATE, BAD_INITIALISER }

    /**
     * y = slope[c] * x per channel, plus a count of training batches kept as state, with one
     * planted mistake. Not registered in any service file: the checks used on it do not need that.
     */
    static final class Slope extends BaseProvider implements LayerProvider {
        private final Mistake mistake;

        Slope(Mistake mistake) {
            super("slope", "per-channel slope", Schema.empty());
            this.mistake = mistake;
        }

        @Override
        public Shape outputShape(Shape input, Args args) {
            return input;
        }

        @Override
        public Layer create(Shape input, Args args) {
            int channels = input.dim(0);
            return new Layer() {
                INDArray slope, slopeGrad, lastInput, lastOutput;
                INDArray batches = Nd4j.zeros(1);

                @Override
                public List<ParamSpec> parameters() {
                    String init = mistake == Mistake.BAD_INITIALISER ? "constant(value = true)" : "constant(0.25)";
                    return List.of(new ParamSpec("slope", new long[]{channels}, channels, channels, init));
                }

                @Override
                public void bind(Map<String, INDArray> params, Map<String, INDArray> grads) {
                    slope = params.get("slope");
                    slopeGrad = grads.get("slope");
                }

                @Override
                public Map<String, INDArray> state() {
                    return Map.of("batches", batches);
                }

                @Override
                public void restoreState(Map<String, INDArray> state) {
                    if (mistake != Mistake.FORGETS_STATE) batches.assign(state.get("batches"));
                }

                @Override
                public INDArray forward(INDArray x, boolean training) {
                    if (training) batches.addi(1);
                    lastInput = x;
                    INDArray x3 = x.reshape('c', x.size(0), channels, x.length() / x.size(0) / channels);
                    INDArray y = Broadcast.mul(x3, slope, mistake == Mistake.WRITES_INPUT ? x3 : x3.ulike(), 1);
                    if (!training) y.addi(batches.getDouble(0) * 1e-3); // the state shows in inference outputs
                    lastOutput = y.reshape(x.shape());
                    return lastOutput;
                }

                @Override
                public INDArray backward(INDArray gy) {
                    long rest = gy.length() / gy.size(0) / channels;
                    INDArray g3 = gy.reshape('c', gy.size(0), channels, rest);
                    INDArray x3 = lastInput.reshape('c', lastInput.size(0), channels, rest);
                    INDArray grad = g3.mul(x3).sum(0, 2);
                    if (mistake == Mistake.ACCUMULATES_GRADIENT) slopeGrad.addi(grad);
                    else slopeGrad.assign(grad);
                    INDArray target = switch (mistake) {
                        case WRITES_INCOMING_GRADIENT -> g3;
                        case REUSES_OUTPUT_IN_BACKWARD -> lastOutput.reshape('c', gy.size(0), channels, rest);
                        default -> g3.ulike();
                    };
                    return Broadcast.mul(g3, slope, target, 1).reshape(gy.shape());
                }
            };
        }
    }

    /** y = 2x, with planted mistakes: a backward pass scaled by {@code backwardFactor}, a shape rule off by one, a default out of range. */
    static final class Doubler extends BaseProvider implements LayerProvider {
        private final boolean wrongShape;
        private final double backwardFactor;

        Doubler(boolean wrongShape, double backwardFactor) {
            super("doubler", "2x", Schema.of(Param.optional("factor", ParamType.FLOAT, -1.0, "unused").range(0.0, null)));
            this.wrongShape = wrongShape;
            this.backwardFactor = backwardFactor;
        }

        @Override
        public Shape outputShape(Shape input, Args args) {
            return wrongShape ? Shape.of(input.dim(0) + 1) : input;
        }

        @Override
        public Layer create(Shape input, Args args) {
            return new Layer() {
                @Override
                public List<ParamSpec> parameters() {
                    return List.of();
                }

                @Override
                public INDArray forward(INDArray x, boolean training) {
                    return x.mul(2);
                }

                @Override
                public INDArray backward(INDArray gradOutput) {
                    return gradOutput.mul(2 * backwardFactor);
                }
            };
        }
    }
}
