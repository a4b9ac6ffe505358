package nn.api.train;

/** The parts of a training step that `nn train`, `nn bench` and a Spark worker each time. */
public enum StepPhase {
    /** Filling the batch (reading, augmenting, normalising). */
    FEED,
    /** The forward pass with the loss and its gradient. */
    FORWARD,
    /** The backward pass into the flat gradient vector. */
    BACKWARD,
    /** The optimizer's update, and closing the step's memory. */
    UPDATE
}
