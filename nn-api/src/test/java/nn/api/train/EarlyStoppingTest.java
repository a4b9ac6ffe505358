package nn.api.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EarlyStoppingTest {

    /** One epoch's end as the trainer reports it: `best` judged before the listener hears of it. */
    private static void epoch(EarlyStopping stopping, int epoch, double validationLoss) {
        Evaluation validation = new Evaluation(0.5, validationLoss, 1, 2);
        stopping.onEpochEnd(new EpochMetrics(epoch, 1, 1, 0.5, 0, 0, 0.1, 1, validationLoss, 0.5,
                stopping.isBest(validation)), null);
    }

    @Test
    void stopsAfterPatienceEpochsWithoutALowerValidationLoss() {
        EarlyStopping stopping = new EarlyStopping(2);
        epoch(stopping, 1, 0.9);
        epoch(stopping, 2, 0.7);
        epoch(stopping, 3, 0.8);
        assertFalse(stopping.stops());
        assertEquals(0.7, stopping.bestValidationLoss());
        epoch(stopping, 4, 0.7); // equal is not better
        assertTrue(stopping.stops());
        assertEquals(2, stopping.epochsWithoutImprovement());
    }

    @Test
    void aLowerLossResetsTheCountAndPatienceZeroNeverStops() {
        EarlyStopping stopping = new EarlyStopping(0);
        epoch(stopping, 1, 0.5);
        for (int e = 2; e < 10; e++) epoch(stopping, e, 0.6);
        assertFalse(stopping.stops());
        assertEquals(8, stopping.epochsWithoutImprovement());
        epoch(stopping, 10, 0.4);
        assertEquals(0, stopping.epochsWithoutImprovement());
    }

    @Test
    void aRestoredRunContinuesItsCount() {
        EarlyStopping stopping = new EarlyStopping(3);
        stopping.restore(0.3, 2);
        epoch(stopping, 5, 0.35);
        assertTrue(stopping.stops());
    }

    @Test
    void withoutValidationThereIsNothingToJudge() {
        EarlyStopping stopping = new EarlyStopping(0);
        assertNull(stopping.isBest(null));
        stopping.onEpochEnd(new EpochMetrics(1, 1, 1, 0.5, 0, 0, 0.1, 1, null, null, null), null);
        assertEquals(0, stopping.epochsWithoutImprovement());
    }
}
