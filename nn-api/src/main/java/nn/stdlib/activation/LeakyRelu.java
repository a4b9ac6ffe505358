package nn.stdlib.activation;

import nn.api.runtime.Activation;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.ActivationProvider;
import nn.api.spi.BaseProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.factory.Nd4j;

/** x where x > 0, else alpha * x. */
public final class LeakyRelu implements Activation {
    @Override
    public boolean elementwise() {
        return true;
    }

    private final double alpha;

    public LeakyRelu(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public void forward(INDArray x, INDArray y) {
        Nd4j.exec(new LeakyReLU(x, y, alpha));
    }

    @Override
    public void backward(INDArray x, INDArray y, INDArray gy, INDArray gx) {
        Nd4j.exec(new LeakyReLUBp(x, gy, gx, alpha));
    }

    @Override
    public double value(double x) {
        return x > 0 ? x : alpha * x;
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1 : alpha;
    }

    public static final class Provider extends BaseProvider implements ActivationProvider {
        public Provider() {
            super("leaky_relu", "x for x > 0, alpha * x otherwise",
                    Schema.of(Param.optional("alpha", ParamType.FLOAT, 0.01, "slope for x <= 0").range(0.0, null)));
        }

        @Override
        public Activation create(Args args) {
            return new LeakyRelu(args.getDouble("alpha"));
        }
    }
}
