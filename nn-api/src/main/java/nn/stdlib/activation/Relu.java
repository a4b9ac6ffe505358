package nn.stdlib.activation;

import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import nn.api.runtime.Activation;
import nn.api.runtime.HostKernels;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.ActivationProvider;
import nn.api.spi.BaseProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** max(0, x) */
public final class Relu implements Activation {

    @Override
    public void forward(INDArray x, INDArray y) {
        if (HostKernels.applies(x, y)) HostKernels.relu(x, y);
        else Nd4j.exec(new RectifiedLinear(x, y, 0.0));
    }

    @Override
    public void backward(INDArray x, INDArray y, INDArray gy, INDArray gx) {
        if (HostKernels.applies(y, gy, gx)) HostKernels.reluBackward(y, gy, gx);
        else Nd4j.exec(new RectifiedLinearDerivative(x, gy, gx));
    }

    @Override
    public double value(double x) {
        return Math.max(0, x);
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1 : 0;
    }

    public static final class Provider extends BaseProvider implements ActivationProvider {
        public Provider() {
            super("relu", "max(0, x)", Schema.empty());
        }

        @Override
        public Activation create(Args args) {
            return new Relu();
        }
    }
}
