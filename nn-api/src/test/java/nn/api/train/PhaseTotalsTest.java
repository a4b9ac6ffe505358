package nn.api.train;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhaseTotalsTest {
    @Test
    void eachLapTakesTheTimeSinceThePreviousLapAndMarkedTimeBelongsToNoPhase() {
        AtomicLong now = new AtomicLong(100);
        PhaseTotals totals = new PhaseTotals(now::get);
        for (int step = 0; step < 2; step++) {
            now.addAndGet(7); // between steps: listeners, not a phase
            totals.mark();
            now.addAndGet(1_000);
            totals.lap(StepPhase.FEED);
            now.addAndGet(2_000);
            totals.lap(StepPhase.FORWARD);
            now.addAndGet(3_000);
            totals.lap(StepPhase.BACKWARD);
            now.addAndGet(500);
            totals.lap(StepPhase.UPDATE);
        }
        assertEquals(2_000, totals.nanos(StepPhase.FEED));
        assertEquals(4_000, totals.nanos(StepPhase.FORWARD));
        assertEquals(6_000, totals.nanos(StepPhase.BACKWARD));
        assertEquals(1_000, totals.nanos(StepPhase.UPDATE));
        assertEquals(new StepPhases(2e-6, 4e-6, 6e-6, 1e-6, 0, 0), totals.toStepPhases());
    }
}
