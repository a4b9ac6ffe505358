package org.example.nnplugin;

import nn.api.graph.Shape;
import nn.api.runtime.Layer;
import nn.testkit.LayerContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The nn test kit checks schema, registration, shapes, gradients and round trips in one call per operation. */
class PluginContractTest {

    @Test
    void scaleOnDenseFeatures() {
        LayerContract.of(new Scale.Provider()).input(5).verify();
    }

    @Test
    void scaleOnConvolutionChannelsWithoutShift() {
        LayerContract.of(new Scale.Provider()).args(Map.of("shift", false)).input(3, 4, 4).verify();
    }

    @Test
    void swish() {
        LayerContract.of(new Swish.Provider()).args(Map.of("beta", 1.5)).input(6).verify();
    }

    @Test
    void geluRegisteredThroughItsGuiceModule() {
        LayerContract.of(new Gelu.Provider()).pluginModules(new ExamplePluginModule()).input(6).verify();
    }

    @Test
    void preluInBothStyles() {
        LayerContract.of(new PRelu.Provider()).input(5).verify();
        LayerContract.of(new PRelu.Provider()).input(3, 4, 4).verify();
        LayerContract.of(new PReluBuffered.Provider()).input(5).verify();
        LayerContract.of(new PReluBuffered.Provider()).input(3, 4, 4).verify();
    }

    @Test
    void bothPreluStylesComputeTheSame() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 8, 3, 4, 4).subi(0.5);
        INDArray gy = Nd4j.rand(DataType.DOUBLE, 8, 3, 4, 4);
        INDArray[] simple = forwardAndBackward(new PRelu(3), x, gy);
        INDArray[] buffered = forwardAndBackward(new PReluBuffered(Shape.of(3, 4, 4)), x, gy);
        for (int i = 0; i < simple.length; i++) assertTrue(simple[i].equalsWithEps(buffered[i], 1e-12), "result " + i);
    }

    /** The output, the input gradient and the slope gradient, for slopes 0.1, 0.25 and 0.5. */
    private static INDArray[] forwardAndBackward(Layer layer, INDArray x, INDArray gy) {
        INDArray slope = Nd4j.createFromArray(0.1, 0.25, 0.5);
        INDArray slopeGrad = slope.ulike();
        layer.bind(Map.of("slope", slope), Map.of("slope", slopeGrad));
        INDArray y = layer.forward(x, true).dup();
        INDArray gx = layer.backward(gy).dup();
        return new INDArray[]{y, gx, slopeGrad};
    }
}
