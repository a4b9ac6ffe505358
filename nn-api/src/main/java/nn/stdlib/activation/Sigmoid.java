package nn.stdlib.activation;


import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import nn.api.runtime.Activation;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.ActivationProvider;
import nn.api.spi.BaseProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** 1 / (1 + e^-x) */
public final class Sigmoid implements Activation {
    @Override
    public boolean elementwise() {
        return true;
    }


    @Override
    public void forward(INDArray x, INDArray y) {
        Nd4j.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid(x, y));
    }

    @Override
    public void backward(INDArray x, INDArray y, INDArray gy, INDArray gx) {
        Nd4j.exec(new SigmoidDerivative(x, gy, gx));
    }

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
            super("sigmoid", "1 / (1 + e^-x)", Schema.empty());
        }

        @Override
        public Activation create(Args args) {
            return new Sigmoid();
        }
    }
}
