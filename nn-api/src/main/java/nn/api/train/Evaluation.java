package nn.api.train;

/**
 * Mean loss over a data split, with accuracy for classes or the regression figures (MSE, MAE,
 * R²) for values (and accuracy too when the values are 0/1 answers); figures that do not fit
 * the task are null.
 */
public record Evaluation(Double accuracy, double loss, int correct, int count, RegressionMetrics regression) {

    /** A classification result. */
    public Evaluation(double accuracy, double loss, int correct, int count) {
        this(accuracy, loss, correct, count, null);
    }
}
