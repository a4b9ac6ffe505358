package nn.cli.bench;

/**
 * How long to measure: warm-up steps first (JIT, native caches, buffer allocation), then
 * `rounds` timed rounds of `steps` training steps each, then `rounds` rounds of
 * `inferenceBatches` forward passes; figures are medians over rounds.
 */
public record BenchSettings(int batch, int warmup, int steps, int rounds, int inferenceBatches, long seed) {
    /** Inference runs in batches of this size (as evaluation does). */
    public static final int INFERENCE_BATCH = 1000;
}
