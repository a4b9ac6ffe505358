package nn.stdlib.activation;

import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;
import nn.api.runtime.Activation;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.ActivationProvider;
import nn.api.spi.BaseProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** hyperbolic tangent */
public final class Tanh implements Activation {
    @Override
    public boolean elementwise() {
        return true;
    }


    @Override
    public void forward(INDArray x, INDArray y) {
        Nd4j.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh(x, y));
    }

    @Override
    public void backward(INDArray x, INDArray y, INDArray gy, INDArray gx) {
        Nd4j.exec(new TanhDerivative(x, gy, gx));
    }

    @Override
    public double value(double x) {
        return Math.tanh(x);
    }

    @Override
    public double derivative(double x) {
        double t = Math.tanh(x);
        return 1 - t * t;
    }

    public static final class Provider extends BaseProvider implements ActivationProvider {
        public Provider() {
            super("tanh", "hyperbolic tangent", Schema.empty());
        }

        @Override
        public Activation create(Args args) {
            return new Tanh();
        }
    }
}
