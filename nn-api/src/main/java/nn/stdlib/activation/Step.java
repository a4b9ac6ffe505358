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
 */
public final class Step implements Activation {
    private final double threshold;

    public Step(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public void forward(INDArray x, INDArray y) {
        Nd4j.exec(new org.nd4j.linalg.api.ops.impl.scalar.Step(x, y, threshold));
    }

    @Override
    public void backward(INDArray x, INDArray y, INDArray gy, INDArray gx) {
        gx.assign(0);
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
                    Schema.of(Param.optional("threshold", ParamType.FLOAT, 0.0, "the value x must exceed")));
        }

        @Override
        public Activation create(Args args) {
            return new Step(args.getDouble("threshold"));
        }
    }
}
