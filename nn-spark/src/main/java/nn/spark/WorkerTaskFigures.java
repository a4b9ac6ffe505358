package nn.spark;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The workers' task time of a run (or of its last epoch) in milliseconds, as communication.json and
 * the run's last lines report it: the per-task phases per task, the step phases per step, so they
 * compare with `nn bench`'s phases of one process. {@code taskMs} = broadcast + load + optimizer +
 * steps x step + result + other. {@code stepCpuMs} is the CPU time of a step's thread (what `nn bench`
 * calls cpu ms; on a loaded machine the wall time of a step grows, its CPU time much less). {@code cpuPercent} is the share of the task's wall time its thread
 * spent on a CPU (below 100: the executor waited for a core); GC and JIT are the executor JVM's.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record WorkerTaskFigures(long tasks, double stepsPerTask, double taskMs, double broadcastMs, double loadMs,
                         double optimizerMs, double resultMs, double otherMs, double stepMs, double feedMsPerStep,
                         double forwardMsPerStep, double backwardMsPerStep, double updateMsPerStep, double stepCpuMs, double cpuPercent,
                         double gcMs, double jitMs, double allocatedMbPerStep) {

    /** The figures of {@code tasks} tasks whose phases add up to {@code sum}. */
    static WorkerTaskFigures of(TaskPhases sum, long tasks) {
        double perTask = Math.max(1, tasks) * 1e6;
        double perStep = Math.max(1, sum.steps()) * 1e6;
        double step = (sum.feedNanos() + sum.forwardNanos() + sum.backwardNanos() + sum.updateNanos()) / perStep;
        return new WorkerTaskFigures(tasks, round((double) sum.steps() / Math.max(1, tasks)), round(sum.totalNanos() / perTask),
                round(sum.broadcastNanos() / perTask), round(sum.loadNanos() / perTask), round(sum.optimizerNanos() / perTask),
                round(sum.resultNanos() / perTask), round(sum.otherNanos() / perTask), round(step),
                round(sum.feedNanos() / perStep), round(sum.forwardNanos() / perStep), round(sum.backwardNanos() / perStep),
                round(sum.updateNanos() / perStep), round(sum.stepCpuNanos() / perStep),
                sum.totalNanos() == 0 ? 0 : Math.round(1000.0 * sum.cpuNanos() / sum.totalNanos()) / 10.0,
                round(sum.gcNanos() / perTask), round(sum.jitNanos() / perTask),
                round(sum.allocatedBytes() / (Math.max(1, sum.steps()) * 1e6)));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** One line for the run's summary. */
    String line(String which) {
        return String.format("worker task (%s, %.1f steps a task): %.1f ms = broadcast %.1f + load %.1f + optimizer %.1f"
                        + " + %.1f steps x %.2f ms (feed %.2f, forward+loss %.2f, backward %.2f, update %.2f)"
                        + " + result %.1f + other %.1f; a step's CPU time %.2f ms; thread on a CPU %.0f %% of the task, GC %.1f ms, JIT %.1f ms a task,"
                        + " %.2f MB allocated a step",
                which, stepsPerTask, taskMs, broadcastMs, loadMs, optimizerMs, stepsPerTask, stepMs, feedMsPerStep,
                forwardMsPerStep, backwardMsPerStep, updateMsPerStep, resultMs, otherMs, stepCpuMs, cpuPercent, gcMs, jitMs,
                allocatedMbPerStep);
    }
}
