package nn.api.train;

import java.util.function.LongSupplier;

/** Wall-clock nanoseconds per step phase: each lap takes the time since the previous lap (or mark). */
public final class PhaseTotals implements StepLaps {
    private final LongSupplier clock;
    private final long[] nanos = new long[StepPhase.values().length];
    private long last;

    public PhaseTotals() {
        this(System::nanoTime);
    }

    PhaseTotals(LongSupplier clock) {
        this.clock = clock;
        this.last = clock.getAsLong();
    }

    /** Starts the next lap now: the time since the last one belongs to no phase. */
    public void mark() {
        last = clock.getAsLong();
    }

    @Override
    public void lap(StepPhase phase) {
        long now = clock.getAsLong();
        nanos[phase.ordinal()] += now - last;
        last = now;
    }

    public long nanos(StepPhase phase) {
        return nanos[phase.ordinal()];
    }

    /** The totals in seconds, the epoch's other time and GC left at 0 (see {@link StepPhases#within}). */
    public StepPhases toStepPhases() {
        return new StepPhases(seconds(StepPhase.FEED), seconds(StepPhase.FORWARD), seconds(StepPhase.BACKWARD),
                seconds(StepPhase.UPDATE), 0, 0);
    }

    private double seconds(StepPhase phase) {
        return nanos(phase) / 1e9;
    }
}
