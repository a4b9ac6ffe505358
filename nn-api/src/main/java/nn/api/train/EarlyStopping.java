package nn.api.train;

/**
 * Early stopping as a listener: keeps the lowest validation loss so far and the epochs since
 * it, and asks the loop to stop after `patience` epochs without a lower one (0 never stops).
 * The trainer registers it before any other listener, so a checkpoint written at the end of an
 * epoch already holds that epoch's bookkeeping.
 */
final class EarlyStopping implements TrainingListener {
    private final int patience;
    private double bestValidationLoss = Double.POSITIVE_INFINITY;
    private int epochsWithoutImprovement;

    EarlyStopping(int patience) {
        this.patience = patience;
    }

    /** Continues an interrupted run's bookkeeping (from its checkpoint). */
    void restore(double bestValidationLoss, int epochsWithoutImprovement) {
        this.bestValidationLoss = bestValidationLoss;
        this.epochsWithoutImprovement = epochsWithoutImprovement;
    }

    /** Whether an epoch with this validation loss is the best so far; null without validation. */
    Boolean isBest(Evaluation validation) {
        return validation == null ? null : validation.loss() < bestValidationLoss;
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, Trainer trainer) {
        if (metrics.best() == null) return; // no validation split: nothing to judge
        if (metrics.best()) {
            bestValidationLoss = metrics.validationLoss();
            epochsWithoutImprovement = 0;
        } else {
            epochsWithoutImprovement++;
        }
    }

    /** True once `patience` epochs in a row brought no lower validation loss. */
    boolean stops() {
        return patience > 0 && epochsWithoutImprovement >= patience;
    }

    double bestValidationLoss() {
        return bestValidationLoss;
    }

    int epochsWithoutImprovement() {
        return epochsWithoutImprovement;
    }
}
