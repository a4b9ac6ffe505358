package nn.spark;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The accounting of a worker's task time: phases that add up to the task, per task and per step. */
class TaskPhasesTest {
    private long now;

    /** A clock that moves only when told, and JVM counters that move with it. */
    private PhaseClock clock() {
        PhaseClock.JvmCounters counters = new PhaseClock.JvmCounters() {
            public long threadCpuNanos() { return now / 2; } // on a CPU half the time
            public long gcNanos() { return now / 10; }
            public long jitNanos() { return 0; }
            public long threadAllocatedBytes() { return now * 100; }
        };
        return new PhaseClock(() -> now, counters);
    }

    /** A task of two steps: each lap gives the time since the previous one to its phase. */
    private TaskPhases task() {
        PhaseClock c = clock();
        now += 3_000_000;
        c.lap(PhaseClock.Phase.BROADCAST);
        now += 500_000;
        c.skip(); // other time
        now += 1_000_000;
        c.lap(PhaseClock.Phase.LOAD);
        now += 2_000_000;
        c.lap(PhaseClock.Phase.OPTIMIZER);
        for (int s = 0; s < 2; s++) {
            now += 1_000_000;
            c.lap(PhaseClock.Phase.FEED);
            c.step();
            now += 4_000_000;
            c.lap(PhaseClock.Phase.FORWARD);
            now += 6_000_000;
            c.lap(PhaseClock.Phase.BACKWARD);
            now += 2_000_000;
            c.lap(PhaseClock.Phase.UPDATE);
        }
        now += 1_500_000;
        c.lap(PhaseClock.Phase.RESULT);
        now += 1_000_000; // after the last lap: other time too
        return c.finish();
    }

    @Test
    void phasesAndOtherTimeAddUpToTheTask() {
        now = 1_000_000_000L;
        TaskPhases p = task();
        assertEquals(2, p.steps());
        assertEquals(35_000_000L, p.totalNanos());
        assertEquals(3_000_000L, p.broadcastNanos());
        assertEquals(1_000_000L, p.loadNanos());
        assertEquals(2_000_000L, p.optimizerNanos());
        assertEquals(2_000_000L, p.feedNanos());
        assertEquals(8_000_000L, p.forwardNanos());
        assertEquals(12_000_000L, p.backwardNanos());
        assertEquals(4_000_000L, p.updateNanos());
        assertEquals(1_500_000L, p.resultNanos());
        assertEquals(1_500_000L, p.otherNanos(), "the skipped half millisecond and the time after the last lap");
        assertEquals(32_000_000L, p.computeNanos(), "the task after its broadcast read");
        assertEquals(17_500_000L, p.cpuNanos());
        assertEquals(13_000_000L, p.stepCpuNanos(), "the thread's CPU time in the step phases alone");
        assertEquals(3_500_000L, p.gcNanos());
        assertEquals(3_500_000_000L, p.allocatedBytes());
    }

    @Test
    void figuresArePerTaskAndPerStep() {
        now = 0;
        TaskPhases sum = task().plus(task());
        WorkerTaskFigures f = WorkerTaskFigures.of(sum, 2);
        assertEquals(2, f.tasks());
        assertEquals(2.0, f.stepsPerTask());
        assertEquals(35.0, f.taskMs());
        assertEquals(3.0, f.broadcastMs());
        assertEquals(1.0, f.loadMs());
        assertEquals(2.0, f.optimizerMs());
        assertEquals(1.5, f.resultMs());
        assertEquals(1.5, f.otherMs());
        assertEquals(13.0, f.stepMs());
        assertEquals(1.0, f.feedMsPerStep());
        assertEquals(4.0, f.forwardMsPerStep());
        assertEquals(6.0, f.backwardMsPerStep());
        assertEquals(2.0, f.updateMsPerStep());
        assertEquals(f.taskMs(), f.broadcastMs() + f.loadMs() + f.optimizerMs() + f.stepsPerTask() * f.stepMs()
                + f.resultMs() + f.otherMs(), 1e-9, "the task is the sum of its parts");
        assertEquals(6.5, f.stepCpuMs());
        assertEquals(50.0, f.cpuPercent());
        assertEquals(3.5, f.gcMs());
        assertEquals(1750.0, f.allocatedMbPerStep());
    }

    @Test
    void theLastEpochsFiguresStartAfreshWithEachEpoch() {
        now = 0;
        SyncStatistics s = new SyncStatistics();
        TaskPhases a = task();
        TaskPhases b = task();
        s.add(1, 50_000_000, 40_000_000, 1_000_000, 800, 800, List.of(a, b));
        s.add(2, 50_000_000, 40_000_000, 1_000_000, 800, 800, List.of(a));
        assertEquals(3, s.workerTasks().tasks());
        assertEquals(1, s.lastEpochWorkerTasks().tasks());
        assertEquals(32.0, s.computeMillisPerSync(), "the slowest worker's task after its broadcast read");
        assertEquals(8.0, s.communicationMillisPerSync());
    }
}
