package nn.api.train;

/**
 * The training steps of one epoch: {@link LocalEpochSteps} in this process, or elsewhere
 * (nn-spark's workers, through {@link Trainer#epochSteps}). The {@link Trainer} keeps everything
 * around them: the learning rate per epoch, evaluation, early stopping, listeners (epoch lines,
 * metrics.jsonl, checkpoints).
 */
public interface EpochSteps {
    /** Optimizer steps (synchronous updates of the parameters) per epoch. */
    int steps();

    /**
     * Trains epoch `epoch` with the optimizer's learning rate already set for it, leaving the
     * trainer's network and optimizer holding the result; calls `onStep` after every step.
     * Returns the sum of the steps' losses.
     */
    double run(int epoch, StepLoss onStep);

    /** Where the last {@link #run}'s time went, `other` and `gc` left 0; null when not timed here. */
    default StepPhases lastPhases() {
        return null;
    }

    /** One step's mean training loss, reported as it happens. */
    @FunctionalInterface
    interface StepLoss {
        void accept(int step, double loss);
    }
}
