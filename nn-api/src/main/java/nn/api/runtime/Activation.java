package nn.api.runtime;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An activation function: the tensor forms used in training, and the scalar forms (value and
 * derivative) used for plots and tests.
 */
public interface Activation {

    /** y = f(x), written into y (a separate buffer). */
    void forward(INDArray x, INDArray y);

    /**
     * gx = gy * f'(x), written into gx. Both x and y = f(x) are given; implementations use
     * whichever is cheaper.
     */
    void backward(INDArray x, INDArray y, INDArray gy, INDArray gx);

    /** f(x) for one value. Row-wise activations (softmax) treat x as a one-element row. */
    double value(double x);

    /** f'(x) for one value. */
    double derivative(double x);

    /**
     * True when each output depends only on the input at the same position, so the activation
     * runs on a batch in any memory layout (channels-last included). False (the safe default)
     * for row-wise activations such as softmax.
     */
    default boolean elementwise() {
        return false;
    }

    /**
     * True for an element-wise activation that never decreases (x <= y implies f(x) <= f(y)),
     * so it commutes with taking a maximum: f(max(a, b)) = max(f(a), f(b)), and its gradient
     * reaches the same input either way. False, the safe default, otherwise.
     */
    default boolean nonDecreasing() {
        return false;
    }
}
