package nn.stdlib.loss;

import nn.api.data.Examples;
import nn.api.data.Task;
import nn.api.runtime.Loss;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LossProvider;

/**
 * Binary cross-entropy on a logit z, the sigmoid folded in (PyTorch's BCEWithLogitsLoss): for a
 * target t in [0, 1], max(z, 0) - z t + log(1 + e^-|z|), which never overflows; its gradient is
 * sigmoid(z) - t. The model's last layer is one unit with no activation; its probability is
 * sigmoid(z) (what `nn predict` reports).
 */
public final class BinaryCrossEntropy extends ElementwiseLoss {

    @Override
    double value(double z, double t) {
        return Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
    }

    @Override
    double derivative(double z, double t) {
        return sigmoid(z) - t;
    }

    @Override
    public double prediction(double output) {
        return sigmoid(output);
    }

    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    public static final class Provider extends BaseProvider implements LossProvider {
        public Provider() {
            super("binary_cross_entropy", "binary cross-entropy on one logit per target (sigmoid folded in), targets in [0, 1]",
                    Schema.empty());
        }

        @Override
        public Loss create(Args args) {
            return new BinaryCrossEntropy();
        }

        @Override
        public String unfitTarget(Examples train) {
            if (train.task() != Task.VALUES) {
                return "binary_cross_entropy needs targets of 0 and 1 (numbers), but the data set's targets are "
                        + train.classes() + " classes: use cross_entropy, or read the target as numbers";
            }
            for (int i = 0; i < train.count(); i++) {
                for (int j = 0; j < train.targetWidth(); j++) {
                    float t = train.target(i, j);
                    if (!(t >= 0 && t <= 1)) {
                        return "binary_cross_entropy needs targets in [0, 1], but training example " + (i + 1)
                                + " has " + t;
                    }
                }
            }
            return null;
        }
    }
}
