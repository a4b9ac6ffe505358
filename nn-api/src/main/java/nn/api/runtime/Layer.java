package nn.api.runtime;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * A primitive layer with an explicit backward pass. The network owns one flat parameter
 * vector and one flat gradient vector; a layer receives views into both, so an optimizer
 * updates every parameter in one call.
 *
 * <p>Layers keep their output and input-gradient buffers between steps (one per batch size),
 * so a training step allocates nothing. The array returned by forward or backward is valid
 * until the next call of the same method. A layer never writes into the arrays it is given
 * (its input, or the gradient of its output): in a DAG other operations read them too.
 */
public interface Layer {

    /** The parameters this layer needs; empty for parameter-free layers. */
    default List<ParamSpec> parameters() {
        return List.of();
    }

    /** Hands the layer its parameter and gradient views, keyed by ParamSpec name. */
    default void bind(Map<String, INDArray> params, Map<String, INDArray> grads) {
    }

    /** Tells the layer nothing reads its input gradient (it is first), so backward may return null. */
    default void skipInputGradient() {
    }

    /**
     * Seeds the layer's own randomness (dropout masks). The network builder calls it once with
     * a seed derived from the run's seed and the node's position, so runs repeat.
     */
    default void seed(long seed) {
    }

    /**
     * Values the layer keeps that are not trained but belong in a checkpoint (batch norm's
     * running statistics, a random generator's position), by name. The arrays are the layer's
     * own; callers copy them if they must outlive the next step.
     */
    default Map<String, INDArray> state() {
        return Map.of();
    }

    /** Puts back values earlier returned by {@link #state()}; the names and shapes match. */
    default void restoreState(Map<String, INDArray> state) {
    }

    INDArray forward(INDArray input, boolean training);

    /**
     * Given dLoss/dOutput for the last forward call, writes this layer's parameter gradients
     * (overwriting, not adding) and returns dLoss/dInput.
     */
    INDArray backward(INDArray gradOutput);
}
