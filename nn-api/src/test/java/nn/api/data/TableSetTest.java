package nn.api.data;

import nn.api.train.RegressionMetrics;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TableSetTest {

    @Test
    void standardisationUsesPopulationStdAndLeavesConstantColumnsAtZero() {
        float[] rows = {1, 5, 3, 5, 5, 5}; // column 0: 1, 3, 5; column 1 constant
        Standardization s = Standardization.fit(rows, 2);
        assertArrayEquals(new double[]{3, 5}, s.mean(), 1e-12);
        assertEquals(Math.sqrt(8.0 / 3), s.std()[0], 1e-12);
        assertEquals(1, s.std()[1]);
        float[] out = new float[2];
        s.apply(rows, 4, out, 0);
        assertArrayEquals(new float[]{(float) (2 / Math.sqrt(8.0 / 3)), 0f}, out, 1e-6f);
    }

    @Test
    void fillsStandardisedFeaturesAndOneHotOrValueTargets() {
        TableSet classes = TableSet.ofClasses(new float[]{0, 10, 2, 20}, 2, new int[]{1, 0}, 3)
                .withStandardization(new Standardization(new double[]{1, 15}, new double[]{1, 5}));
        float[] x = new float[4], t = new float[6];
        classes.fill(new int[]{1, 0}, 0, 2, Normalization.NONE, Augmentation.NONE, null, x, t);
        assertArrayEquals(new float[]{1, 1, -1, -1}, x, 1e-6f);
        assertArrayEquals(new float[]{1, 0, 0, 0, 1, 0}, t);
        assertEquals(Task.CLASSES, classes.task());
        assertEquals(3, classes.targetWidth());

        TableSet values = TableSet.ofValues(new float[]{1, 2, 3}, 1, new float[]{10, 11, 20, 21, 30, 31}, 2);
        float[] vx = new float[2], vt = new float[4];
        values.fill(new int[]{2, 0, 1}, 0, 2, Normalization.NONE, Augmentation.NONE, null, vx, vt);
        assertArrayEquals(new float[]{3, 1}, vx);
        assertArrayEquals(new float[]{30, 31, 10, 11}, vt);
        TableSet picked = values.select(new int[]{1});
        assertEquals(1, picked.count());
        assertEquals(21f, picked.target(0, 1));
    }

    @Test
    void regressionMetricsMatchHandComputedValues() {
        // true 1, 2, 3, 4; predicted 1, 2, 4, 2: errors 0, 0, 1, -2
        RegressionMetrics.Accumulator a = new RegressionMetrics.Accumulator(1);
        double[] truth = {1, 2, 3, 4}, predicted = {1, 2, 4, 2};
        for (int i = 0; i < 4; i++) {
            a.add(0, predicted[i], truth[i]);
            a.example();
        }
        RegressionMetrics m = a.result();
        assertEquals(5.0 / 4, m.mse(), 1e-12);
        assertEquals(3.0 / 4, m.mae(), 1e-12);
        assertEquals(1 - 5.0 / 5.0, m.r2(), 1e-12); // SS_tot = 2.25 + 0.25 + 0.25 + 2.25 = 5
        assertNull(m.binaryAccuracy());
    }
}
