package nn.stdlib.activation;

import nn.api.runtime.Activation;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.ActivationProvider;
import nn.api.spi.BaseProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.EluBp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.ELU;
import org.nd4j.linalg.factory.Nd4j;

/** x where x > 0, else alpha * (e^x - 1). */
public final class Elu implements Activation {
    @Override
    public boolean elementwise() {
        return true;
    }

    private final double alpha;

    public Elu(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public void forward(INDArray x, INDArray y) {
        Nd4j.exec(new ELU(x, y, alpha));
    }

    @Override
    public void backward(INDArray x, INDArray y, INDArray gy, INDArray gx) {
        Nd4j.exec(new EluBp(x, gy, gx, alpha));
    }

    @Override
    public double value(double x) {
        return x > 0 ? x : alpha * (Math.exp(x) - 1);
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1 : alpha * Math.exp(x);
    }

    public static final class Provider extends BaseProvider implements ActivationProvider {
        public Provider() {
            super("elu", "x for x > 0, alpha * (e^x - 1) otherwise",
                    Schema.of(Param.optional("alpha", ParamType.FLOAT, 1.0, "scale of the negative part").range(0.0, null)));
        }

        @Override
        public Activation create(Args args) {
            return new Elu(args.getDouble("alpha"));
        }
    }
}
