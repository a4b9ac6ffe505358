package nn.spark;

import nn.api.registry.Registry;
import nn.api.spi.Backend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How the driver combines what the workers send: weighted by their examples. */
class AveragingTest {

    @BeforeAll
    static void startBackend() {
        Registry.load().backends().get("cpu").activate(new Backend.Options(1));
    }

    @Test
    void vectorsAreWeightedByExamplesAndAWorkerWithoutExamplesCountsForNothing() {
        float[] mean = SparkRun.average(Arrays.asList(new float[]{1, 2}, new float[]{5, 6}, null), new double[]{3, 1, 0});
        assertArrayEquals(new float[]{2, 3}, mean, 1e-6f);
        assertNull(SparkRun.average(Arrays.asList((float[]) null), new double[]{0}));
    }

    @Test
    void optimizerStateAveragesItsMomentsAndKeepsItsStepCounter() {
        ArrayState a = ArrayState.of(state(new float[]{1, 1}, 7));
        ArrayState b = ArrayState.of(state(new float[]{3, 5}, 7));
        Map<String, INDArray> mean = ArrayState.average(List.of(a, b), new double[]{1, 1}).arrays();
        assertEquals(List.of("m", "iteration"), List.copyOf(mean.keySet()), "the order optimizers restore from");
        assertArrayEquals(new float[]{2, 3}, mean.get("m").toFloatVector(), 1e-6f);
        assertEquals(7, mean.get("iteration").getLong(0));
    }

    @Test
    void onlyNodesWhoseStateIsAllFloatingPointAreAveragedIntoTheDriver() {
        Map<String, INDArray> layers = new LinkedHashMap<>();
        layers.put("bn_1.running_mean", Nd4j.createFromArray(0.5f, 1.5f));
        layers.put("drop_1.rng", Nd4j.scalar(42L));
        assertEquals(List.of("bn_1.running_mean"), List.copyOf(ArrayState.of(layers).floatingNodes().keySet()));
    }

    private static Map<String, INDArray> state(float[] m, long iteration) {
        Map<String, INDArray> state = new LinkedHashMap<>();
        state.put("m", Nd4j.createFromArray(m));
        state.put("iteration", Nd4j.scalar(iteration));
        return state;
    }
}
