package nn.api.train;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where an epoch's training time went, in seconds, so a user (and `benchmarks/run`) can set a
 * slow `nn train` epoch beside `nn bench`'s phases: filling batches, forward and loss, backward,
 * the optimizer's update, and the rest of the epoch (listeners, the loop, step memory). `gc` is
 * the JVM's collection time during the epoch, which overlaps the others.
 */
public record StepPhases(
        @JsonProperty("feed") double feedSeconds,
        @JsonProperty("forward") double forwardSeconds,
        @JsonProperty("backward") double backwardSeconds,
        @JsonProperty("update") double updateSeconds,
        @JsonProperty("other") double otherSeconds,
        @JsonProperty("gc") double gcSeconds) {

    /** The same phases with `other` made what the epoch's total leaves, and the epoch's GC time. */
    public StepPhases within(double epochSeconds, double gcSeconds) {
        double other = Math.max(0, epochSeconds - feedSeconds - forwardSeconds - backwardSeconds - updateSeconds);
        return new StepPhases(feedSeconds, forwardSeconds, backwardSeconds, updateSeconds, other, gcSeconds);
    }
}
