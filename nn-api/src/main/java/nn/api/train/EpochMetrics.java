package nn.api.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one epoch produced. `epochSeconds` is the training time only; evaluation is timed
 * separately in `evalSeconds`. The validation figures are null without a validation split;
 * `best` says whether this epoch has the lowest validation loss so far.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EpochMetrics(
        @JsonProperty("epoch") int epoch,
        @JsonProperty("train_loss") double trainLoss,
        @JsonProperty("test_loss") double testLoss,
        @JsonProperty("test_accuracy") double testAccuracy,
        @JsonProperty("epoch_seconds") double epochSeconds,
        @JsonProperty("eval_seconds") double evalSeconds,
        @JsonProperty("learning_rate") double learningRate,
        @JsonProperty("steps") int steps,
        @JsonProperty("validation_loss") Double validationLoss,
        @JsonProperty("validation_accuracy") Double validationAccuracy,
        @JsonProperty("best") Boolean best) {
}
