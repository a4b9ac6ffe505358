package nn.api.runtime;

/**
 * A layer that can apply the activation after it in the same pass that writes its output,
 * saving the activation's own pass over the values (dense → relu: the bias add and the max
 * in one loop). A layer that fuses must not read its output in its backward pass: the value
 * it leaves is the activation's.
 */
public interface FusesActivation {
    /** From now on applies {@code activation} to its output if it can; returns whether it will. */
    boolean fuse(Activation activation);
}
