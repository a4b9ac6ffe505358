package nn.api.checkpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import nn.api.train.EpochMetrics;

/**
 * Where training stood when the checkpoint was written: the last finished epoch, its metrics,
 * and early stopping's bookkeeping (null without a validation split), so a resumed run stops
 * where the uninterrupted one would. The random streams need no record: each is derived from
 * the run's seed and the epoch.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResumeState(
        @JsonProperty("epoch") int epoch,
        @JsonProperty("time") String time,
        @JsonProperty("metrics") EpochMetrics metrics,
        @JsonProperty("best_validation_loss") Double bestValidationLoss,
        @JsonProperty("epochs_without_improvement") Integer epochsWithoutImprovement) {

    /** A model that has not been trained (exported, imported or built by hand). */
    public static final ResumeState UNTRAINED = new ResumeState(0, null, null, null, null);
}
