package nn.stdlib.loss;

import nn.api.runtime.Loss;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LossProvider;

/**
 * Huber loss (PyTorch's HuberLoss): e²/2 for |e| <= delta, delta (|e| - delta/2) beyond, with
 * e = output - target. Quadratic near the target, linear for outliers.
 */
public final class Huber extends ElementwiseLoss {
    private final double delta;

    public Huber(double delta) {
        this.delta = delta;
    }

    @Override
    double value(double output, double target) {
        double e = Math.abs(output - target);
        return e <= delta ? 0.5 * e * e : delta * (e - 0.5 * delta);
    }

    @Override
    double derivative(double output, double target) {
        double e = output - target;
        return Math.abs(e) <= delta ? e : delta * Math.signum(e);
    }

    public static final class Provider extends BaseProvider implements LossProvider {
        public Provider() {
            super("huber", "Huber loss: squared error near the target, absolute error beyond delta",
                    Schema.of(Param.optional("delta", ParamType.FLOAT, 1.0, "where the loss turns from squared to linear")
                            .range(1e-12, null)));
        }

        @Override
        public Loss create(Args args) {
            return new Huber(args.getDouble("delta"));
        }
    }
}
