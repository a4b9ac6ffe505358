package nn.spark;

import nn.api.train.GcTime;
import nn.api.train.StepLaps;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Times a worker's task phase by phase: {@link #lap} gives the time since the previous lap (or the
 * start) to a phase, so the phases never overlap and never exceed the task's total.
 */
final class PhaseClock {
    enum Phase {
        BROADCAST, LOAD, OPTIMIZER, FEED(true), FORWARD(true), BACKWARD(true), UPDATE(true), RESULT;

        /** A phase of a training step, whose CPU time is counted apart (comparable with `nn bench`'s). */
        final boolean ofStep;

        Phase() {
            this(false);
        }

        Phase(boolean ofStep) {
            this.ofStep = ofStep;
        }
    }

    /** What the JVM did during the task, beside the wall clock; {@link #NONE} for tests. */
    interface JvmCounters {
        long threadCpuNanos();

        long gcNanos();

        long jitNanos();

        long threadAllocatedBytes();
    }

    static final JvmCounters NONE = new JvmCounters() {
        public long threadCpuNanos() { return 0; }
        public long gcNanos() { return 0; }
        public long jitNanos() { return 0; }
        public long threadAllocatedBytes() { return 0; }
    };

    private final LongSupplier clock;
    private final JvmCounters jvm;
    private final long[] nanos = new long[Phase.values().length];
    private final long start;
    private final long cpuStart;
    private final long gcStart;
    private final long jitStart;
    private final long allocatedStart;
    private long last;
    private long lastCpu;
    private long stepCpu;
    private int steps;

    PhaseClock(LongSupplier clock, JvmCounters jvm) {
        this.clock = clock;
        this.jvm = jvm;
        this.cpuStart = jvm.threadCpuNanos();
        this.gcStart = jvm.gcNanos();
        this.jitStart = jvm.jitNanos();
        this.allocatedStart = jvm.threadAllocatedBytes();
        this.start = clock.getAsLong();
        this.last = start;
        this.lastCpu = cpuStart;
    }

    /** A clock started now, on this thread, with the JVM's own counters. */
    static PhaseClock start() {
        return new PhaseClock(System::nanoTime, Jvm.COUNTERS);
    }

    /** Gives the time since the previous lap to {@code phase}. */
    void lap(Phase phase) {
        long now = clock.getAsLong();
        nanos[phase.ordinal()] += now - last;
        last = now;
        long cpu = jvm.threadCpuNanos();
        if (phase.ofStep) stepCpu += cpu - lastCpu;
        lastCpu = cpu;
    }

    /** This clock as a training step's laps: each step phase is the task phase of the same name. */
    StepLaps stepLaps() {
        return phase -> lap(switch (phase) {
            case FEED -> Phase.FEED;
            case FORWARD -> Phase.FORWARD;
            case BACKWARD -> Phase.BACKWARD;
            case UPDATE -> Phase.UPDATE;
        });
    }

    /** Leaves the time since the previous lap to no phase (it counts as the task's other time). */
    void skip() {
        last = clock.getAsLong();
        lastCpu = jvm.threadCpuNanos();
    }

    /** Counts a training step (for the per-step figures). */
    void step() {
        steps++;
    }

    /** The phases so far; the total runs from the start to now. */
    TaskPhases finish() {
        long total = clock.getAsLong() - start;
        return new TaskPhases(steps, total, at(Phase.BROADCAST), at(Phase.LOAD), at(Phase.OPTIMIZER), at(Phase.FEED),
                at(Phase.FORWARD), at(Phase.BACKWARD), at(Phase.UPDATE), at(Phase.RESULT),
                jvm.threadCpuNanos() - cpuStart, stepCpu, jvm.gcNanos() - gcStart, jvm.jitNanos() - jitStart,
                jvm.threadAllocatedBytes() - allocatedStart);
    }

    private long at(Phase phase) {
        return nanos[phase.ordinal()];
    }

    /** The running JVM's counters (HotSpot's thread CPU and allocation counters; -1 readings count as 0). */
    private static final class Jvm implements JvmCounters {
        static final Jvm COUNTERS = new Jvm();
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        @Override
        public long threadCpuNanos() {
            return Math.max(0, threads.getCurrentThreadCpuTime());
        }

        @Override
        public long gcNanos() {
            return GcTime.nanos();
        }

        @Override
        public long jitNanos() {
            var jit = ManagementFactory.getCompilationMXBean();
            return jit == null || !jit.isCompilationTimeMonitoringSupported() ? 0 : jit.getTotalCompilationTime() * 1_000_000;
        }

        @Override
        public long threadAllocatedBytes() {
            return Math.max(0, threads.getCurrentThreadAllocatedBytes());
        }
    }
}
