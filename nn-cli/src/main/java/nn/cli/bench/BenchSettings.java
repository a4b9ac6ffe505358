package nn.cli.bench;

/**
 * How long to measure: warm-up steps first (JIT, native caches, buffer allocation), then
 * `rounds` timed rounds of `steps` training steps each, then `rounds` rounds of
 * `inferenceBatches` forward passes after {@link #INFERENCE_WARMUP_SECONDS} of untimed ones;
 * figures are medians over rounds.
 */
public record BenchSettings(int batch, int warmup, int steps, int rounds, int inferenceBatches, long seed) {
    /** Inference runs in batches of this size (as evaluation does). */
    public static final int INFERENCE_BATCH = 1000;

    /**
     * Untimed forward passes before inference is timed, by time rather than count so a small
     * model gets as long as a large one. With two threads the MLP's first ~60 batches of 1000
     * after training ran at half its later rate (470-580 k against 1.1-1.2 M images/s; one
     * thread steady from the first round), so one batch of warm-up timed that start instead.
     * benchmarks/pytorch_bench.py warms up for the same time.
     */
    public static final double INFERENCE_WARMUP_SECONDS = 1.0;
}
