package nn.stdlib.loss;

import nn.api.runtime.Loss;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LossProvider;

/** Mean over all elements of |output - target| (PyTorch's L1Loss); its gradient is the sign, 0 at the kink. */
public final class MeanAbsoluteError extends ElementwiseLoss {

    @Override
    double value(double output, double target) {
        return Math.abs(output - target);
    }

    @Override
    double derivative(double output, double target) {
        return Math.signum(output - target);
    }

    public static final class Provider extends BaseProvider implements LossProvider {
        public Provider() {
            super("mae", "mean absolute error |output - target| (regression; robust to outliers)", Schema.empty());
        }

        @Override
        public Loss create(Args args) {
            return new MeanAbsoluteError();
        }
    }
}
