package nn.api.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one epoch produced. `epochSeconds` is the training time only; evaluation is timed
 * separately in `evalSeconds`. The validation figures are null without a validation split;
 * `best` says whether this epoch has the lowest validation loss so far. A classifier reports test
 * accuracy; a regression model reports test MSE, MAE and R² instead (the others are null).
 * `phases` splits `epochSeconds` for epochs trained in this process (null for distributed ones).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EpochMetrics(
        @JsonProperty("epoch") int epoch,
        @JsonProperty("train_loss") double trainLoss,
        @JsonProperty("test_loss") double testLoss,
        @JsonProperty("test_accuracy") Double testAccuracy,
        @JsonProperty("epoch_seconds") double epochSeconds,
        @JsonProperty("eval_seconds") double evalSeconds,
        @JsonProperty("learning_rate") double learningRate,
        @JsonProperty("steps") int steps,
        @JsonProperty("validation_loss") Double validationLoss,
        @JsonProperty("validation_accuracy") Double validationAccuracy,
        @JsonProperty("best") Boolean best,
        @JsonProperty("test_mse") Double testMse,
        @JsonProperty("test_mae") Double testMae,
        @JsonProperty("test_r2") Double testR2,
        @JsonProperty("phases") StepPhases phases) {

    /** A classification epoch (accuracy; no regression figures). */
    public EpochMetrics(int epoch, double trainLoss, double testLoss, double testAccuracy, double epochSeconds,
                        double evalSeconds, double learningRate, int steps, Double validationLoss,
                        Double validationAccuracy, Boolean best) {
        this(epoch, trainLoss, testLoss, (Double) testAccuracy, epochSeconds, evalSeconds, learningRate, steps,
                validationLoss, validationAccuracy, best, null, null, null, null);
    }
}
