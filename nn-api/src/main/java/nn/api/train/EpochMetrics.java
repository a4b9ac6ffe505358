package nn.api.train;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one epoch produced. `epochSeconds` is the training time only; evaluation is timed
 * separately in `evalSeconds`.
 */
public record EpochMetrics(
        @JsonProperty("epoch") int epoch,
        @JsonProperty("train_loss") double trainLoss,
        @JsonProperty("test_loss") double testLoss,
        @JsonProperty("test_accuracy") double testAccuracy,
        @JsonProperty("epoch_seconds") double epochSeconds,
        @JsonProperty("eval_seconds") double evalSeconds,
        @JsonProperty("learning_rate") double learningRate,
        @JsonProperty("steps") int steps) {
}
