package nn.stdlib.activation;

import nn.api.runtime.Activation;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.ActivationProvider;
import nn.api.spi.BaseProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The perceptron's threshold unit: 1 where x > threshold, else 0. Its derivative is zero
 * wherever it is defined, so nothing before it learns by gradient descent (the lecture's point).
 *
 * <p>With `straight_through = true` the backward pass hands the gradient on unchanged (the
 * straight-through estimator). Under `mse` that makes each update Δw = -lr·(2/n)·(y - t)·x, which
 * is Rosenblatt's perceptron learning rule w += η (t - y) x with η = 2 lr / n.
 */
public final class Step implements Activation {
    @Override
    public boolean elementwise() {
        return true;
    }

    private final double threshold;
    private final boolean straightThrough;

    public Step(double threshold) {
        this(threshold, false);
    }

    public Step(double threshold, boolean straightThrough) {
        this.threshold = threshold;
        this.straightThrough = straightThrough;
    }

    @Override
    public void forward(INDArray x, INDArray y) {
        Nd4j.exec(new org.nd4j.linalg.api.ops.impl.scalar.Step(x, y, threshold));
    }

    @Override
    public void backward(INDArray x, INDArray y, INDArray gy, INDArray gx) {
        if (straightThrough) gx.assign(gy);
        else gx.assign(0);
    }

    @Override
    public double value(double x) {
        return x > threshold ? 1 : 0;
    }

    @Override
    public double derivative(double x) {
        return 0;
    }

    public static final class Provider extends BaseProvider implements ActivationProvider {
        public Provider() {
            super("step", "1 where x > threshold, else 0 (the perceptron's unit)",
                    Schema.of(Param.optional("threshold", ParamType.FLOAT, 0.0, "the value x must exceed"),
                            Param.optional("straight_through", ParamType.BOOL, false,
                                    "pass gradients through unchanged: with mse, the perceptron learning rule")));
        }

        @Override
        public Activation create(Args args) {
            return new Step(args.getDouble("threshold"), args.getBool("straight_through"));
        }
    }
}
