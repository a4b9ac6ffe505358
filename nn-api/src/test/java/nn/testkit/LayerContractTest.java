package nn.testkit;

import nn.api.graph.Shape;
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

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
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
