package nn.api.train;

/**
 * Told the end of each phase of a step as it happens, so a caller can give the time since its
 * previous lap to that phase; the trainer's, the benchmark's and a Spark worker's clocks all are.
 */
@FunctionalInterface
public interface StepLaps {
    /** Laps nobody reads. */
    StepLaps NONE = phase -> { };

    void lap(StepPhase phase);
}
