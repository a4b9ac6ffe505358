package nn.api.train;

import nn.api.data.Augmentation;
import nn.api.data.Examples;
import nn.api.data.Normalization;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan's seeds and orders are part of every saved run (a resumed run must draw what the
 * interrupted one would have), so they are pinned to literal values here.
 */
class EpochPlanTest {

    @Test
    void epochSeedsArePinned() {
        assertEquals(-3578648017544479216L, EpochPlan.epochSeed(42, 1));
        assertEquals(1391454601869358542L, EpochPlan.epochSeed(42, 0));
        assertEquals(-1794675139729010679L, EpochPlan.epochSeed(7, -1));
    }

    @Test
    void epochOrdersArePinnedAndDependOnlyOnSeedAndEpoch() {
        EpochPlan plan = new EpochPlan(new TrainConfig(4, 3, 42, true));
        assertArrayEquals(new int[]{0, 3, 9, 6, 5, 7, 4, 8, 1, 2}, plan.order(10, 1));
        assertArrayEquals(new int[]{4, 7, 5, 0, 8, 6, 9, 3, 2, 1}, plan.order(10, 2));
        assertArrayEquals(plan.order(10, 2), new EpochPlan(new TrainConfig(4, 3, 42, true)).order(10, 2));
        assertArrayEquals(new int[]{0, 1, 2, 3, 4}, new EpochPlan(new TrainConfig(4, 3, 42, false)).order(5, 1));
    }

    @Test
    void augmentationStreamsAreTheirOwnPerEpoch() {
        EpochPlan plan = new EpochPlan(new TrainConfig(4, 3, 42, true));
        assertEquals(plan.augmentation(2).nextLong(), plan.augmentation(2).nextLong());
        assertFalse(plan.augmentation(2).nextLong() == plan.augmentation(3).nextLong());
    }

    @Test
    void theValidationHoldOutIsFixedAndDisjointFromTraining() {
        Examples data = TrainerTest.brightOrDark(100, 1);
        EpochPlan plan = new EpochPlan(new TrainConfig(4, 3, 42, true, 0.25, 0, Augmentation.NONE));
        EpochPlan.Split split = plan.split(data);
        assertEquals(75, split.fit().count());
        assertEquals(25, split.validation().count());
        Set<String> all = new HashSet<>(), fit = new HashSet<>(), validation = new HashSet<>();
        for (int i = 0; i < 100; i++) all.add(pixels(data, i));
        for (int i = 0; i < 75; i++) fit.add(pixels(split.fit(), i));
        for (int i = 0; i < 25; i++) validation.add(pixels(split.validation(), i));
        assertEquals(100, all.size(), "the test data has no duplicate examples");
        fit.addAll(validation);
        assertEquals(all, fit, "every example is in exactly one part");
        EpochPlan.Split again = plan.split(data);
        for (int i = 0; i < 25; i++) assertEquals(pixels(split.validation(), i), pixels(again.validation(), i));
    }

    @Test
    void withoutAValidationFractionNothingIsHeldOut() {
        Examples data = TrainerTest.brightOrDark(10, 1);
        EpochPlan.Split split = new EpochPlan(new TrainConfig(4, 3, 42, true)).split(data);
        assertEquals(data, split.fit());
        assertNull(split.validation());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EpochPlan(new TrainConfig(4, 3, 42, true, 0.01, 0, Augmentation.NONE)).split(data));
        assertTrue(e.getMessage().contains("leaves no validation examples"), e.getMessage());
    }

    /** An example's pixels, to tell examples apart across views. */
    private static String pixels(Examples examples, int i) {
        float[] x = new float[examples.featureSize()];
        examples.fill(new int[]{i}, 0, 1, Normalization.NONE, Augmentation.NONE, null, x, new float[examples.targetWidth()]);
        return Arrays.toString(x);
    }
}
