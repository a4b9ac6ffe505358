package nn.stdlib.activation;


import nn.api.runtime.Activation;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.ActivationProvider;
import nn.api.spi.BaseProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** f(x) = x */
public final class Identity implements Activation {
    @Override
    public boolean elementwise() {
        return true;
    }


    @Override
    public void forward(INDArray x, INDArray y) {
        y.assign(x);
    }

    @Override
    public void backward(INDArray x, INDArray y, INDArray gy, INDArray gx) {
        gx.assign(gy);
    }

    @Override
    public double value(double x) {
        return x;
    }

    @Override
    public double derivative(double x) {
        return 1;
    }

    public static final class Provider extends BaseProvider implements ActivationProvider {
        public Provider() {
            super("identity", "f(x) = x", Schema.empty());
        }

        @Override
        public Activation create(Args args) {
            return new Identity();
        }
    }
}
