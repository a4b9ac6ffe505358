package nn.stdlib.activation;

import nn.api.runtime.Activation;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.ActivationProvider;
import nn.api.spi.BaseProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Row-wise softmax over the last axis. For training a classifier prefer `cross_entropy`
 * on logits, which folds softmax in and is numerically stable.
 */
public final class Softmax implements Activation {

    @Override
    public void forward(INDArray x, INDArray y) {
        Nd4j.exec(new SoftMax(x, y, -1));
    }

    /** gx = y * (gy - sum(gy * y)) per row: the Jacobian-vector product of softmax. */
    @Override
    public void backward(INDArray x, INDArray y, INDArray gy, INDArray gx) {
        INDArray dot = gy.mul(y).sum(true, y.rank() - 1);
        gx.assign(gy);
        gx.subiColumnVector(dot).muli(y);
    }

    /** For a single value softmax is 1; plots use the logistic curve of a two-class softmax. */
    @Override
    public double value(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Override
    public double derivative(double x) {
        double s = value(x);
        return s * (1 - s);
    }

    public static final class Provider extends BaseProvider implements ActivationProvider {
        public Provider() {
            super("softmax", "e^x / sum(e^x) over the last axis", Schema.empty());
        }

        @Override
        public Activation create(Args args) {
            return new Softmax();
        }
    }
}
