package nn.spark;

import java.io.Serializable;

/**
 * Where one worker's task time went, in nanoseconds (measured by {@link PhaseClock} on the
 * executor). The per-task phases: reading the run's broadcast job (the sync request itself comes in
 * the task, so Spark's task deserialisation pays for it), putting the parameters into
 * the replica with their checksum, building the optimizer and restoring its state (parameter
 * averaging), and reading the result back out of the replica (the vector and the optimizer and layer
 * state). The per-step phases, summed over the task's {@code steps}: filling the batch, forward with
 * the loss, backward, the optimizer's update. {@code other} is the rest of the task (no phase of its own).
 * Beside the wall time, what the JVM did meanwhile: this thread's CPU time (all of it, and that of
 * the step phases: load-independent where wall time is not) and heap allocation,
 * garbage collection and JIT compilation anywhere in the executor's JVM.
 */
record TaskPhases(int steps, long totalNanos, long broadcastNanos, long loadNanos, long optimizerNanos,
                  long feedNanos, long forwardNanos, long backwardNanos, long updateNanos, long resultNanos,
                  long cpuNanos, long stepCpuNanos, long gcNanos, long jitNanos, long allocatedBytes) implements Serializable {

    static final TaskPhases ZERO = new TaskPhases(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Both tasks' figures added up (steps too). */
    TaskPhases plus(TaskPhases o) {
        return new TaskPhases(steps + o.steps, totalNanos + o.totalNanos, broadcastNanos + o.broadcastNanos,
                loadNanos + o.loadNanos, optimizerNanos + o.optimizerNanos, feedNanos + o.feedNanos,
                forwardNanos + o.forwardNanos, backwardNanos + o.backwardNanos, updateNanos + o.updateNanos,
                resultNanos + o.resultNanos, cpuNanos + o.cpuNanos, stepCpuNanos + o.stepCpuNanos, gcNanos + o.gcNanos, jitNanos + o.jitNanos,
                allocatedBytes + o.allocatedBytes);
    }

    /** The task's time outside every phase. */
    long otherNanos() {
        return totalNanos - broadcastNanos - loadNanos - optimizerNanos - feedNanos - forwardNanos - backwardNanos
                - updateNanos - resultNanos;
    }

    /** The task's time after it had its sync request: what the worker computed, as the driver counts it. */
    long computeNanos() {
        return totalNanos - broadcastNanos;
    }
}
