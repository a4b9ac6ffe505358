package nn.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one model's benchmark measured. Times per step are medians over rounds of each
 * round's mean; the epoch time is the median step time times the steps of one epoch. The step's
 * CPU time is the main thread's (all of it with one thread). The step's GFLOP/s counts conv2d and
 * dense work (StepFlops), beside a 1024³ SGEMM on the same threads (SgemmPeak). Heap bytes per step are the Java garbage of the hot path (ND4J's off-heap arrays not included).
 */
public record BenchResult(String model, long parameters, int batch, int steps, int rounds, int stepsPerEpoch,
                          double stepMs, double stepCpuMs, double dataMs, double forwardMs, double backwardMs, double optimizerMs,
                          long heapBytesPerStep,
                          double inferenceImagesPerSecond, long peakRssBytes, double lastRoundLoss,
                          double stepFlops, double sgemmPeakGflops) {

    /** The step's conv2d and dense work per second of median step time. */
    public double stepGflops() {
        return stepFlops / (stepMs / 1e3) / 1e9;
    }

    public double samplesPerSecond() {
        return batch / (stepMs / 1e3);
    }

    public double epochSeconds() {
        return stepMs * stepsPerEpoch / 1e3;
    }

    /** The figures under the names the JSON output and benchmarks/ use (the PyTorch script writes the same). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("parameters", parameters);
        m.put("batch", batch);
        m.put("steps", steps);
        m.put("rounds", rounds);
        m.put("steps_per_epoch", stepsPerEpoch);
        m.put("samples_per_second", samplesPerSecond());
        m.put("epoch_seconds", epochSeconds());
        m.put("step_ms", stepMs);
        m.put("step_cpu_ms", stepCpuMs);
        m.put("data_ms", dataMs);
        m.put("forward_ms", forwardMs);
        m.put("backward_ms", backwardMs);
        m.put("optimizer_ms", optimizerMs);
        m.put("heap_bytes_per_step", heapBytesPerStep);
        m.put("inference_images_per_second", inferenceImagesPerSecond);
        m.put("peak_rss_mb", peakRssBytes < 0 ? -1 : peakRssBytes / (1024.0 * 1024.0));
        m.put("last_round_loss", lastRoundLoss);
        m.put("step_gflop", stepFlops / 1e9);
        m.put("step_gflops", stepGflops());
        m.put("sgemm_peak_gflops", sgemmPeakGflops);
        return m;
    }
}
