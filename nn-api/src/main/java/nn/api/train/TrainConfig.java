package nn.api.train;

/** How to train: batch size, epochs, the seed of every random choice, whether to shuffle. */
public record TrainConfig(int batch, int epochs, long seed, boolean shuffle) {
    public TrainConfig {
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, not " + batch);
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, not " + epochs);
    }
}
