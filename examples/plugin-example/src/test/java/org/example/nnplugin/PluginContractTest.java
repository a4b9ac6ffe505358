package org.example.nnplugin;

import nn.testkit.LayerContract;
import org.junit.jupiter.api.Test;

import java.util.Map;

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
}
