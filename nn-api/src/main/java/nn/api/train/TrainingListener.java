package nn.api.train;

/** Hooks into training: progress bars, metric files, checkpoints. All methods optional. */
public interface TrainingListener {
    default void onEpochStart(int epoch, int epochs, int steps) {
    }

    default void onStep(int epoch, int step, double loss) {
    }

    /** After evaluation; `trainer` gives access to the network for checkpoints. */
    default void onEpochEnd(EpochMetrics metrics, Trainer trainer) {
    }
}
