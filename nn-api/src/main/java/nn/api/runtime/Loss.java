package nn.api.runtime;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A loss over a batch: mean over examples. */
public interface Loss {
    /**
     * Returns the mean loss of `output` against one-hot `target` (both [batch, classes]) and
     * writes dMeanLoss/dOutput into `gradOutput`.
     */
    double forwardBackward(INDArray output, INDArray target, INDArray gradOutput);

    /** The loss alone, for evaluation. */
    double value(INDArray output, INDArray target);

    /**
     * What one output value predicts of its target, for metrics and `nn predict`: the value
     * itself, or for a loss on logits its probability (binary cross-entropy: the sigmoid).
     */
    default double prediction(double output) {
        return output;
    }
}
