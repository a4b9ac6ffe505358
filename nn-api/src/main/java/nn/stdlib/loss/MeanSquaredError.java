package nn.stdlib.loss;

import nn.api.runtime.Loss;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LossProvider;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Mean over all elements of (output - target)^2, as PyTorch's MSELoss; class targets are one-hot. */
public final class MeanSquaredError implements Loss {

    @Override
    public double forwardBackward(INDArray output, INDArray target, INDArray gradOutput) {
        gradOutput.assign(output).subi(target);
        double n = output.length();
        double sumSquares = gradOutput.norm2Number().doubleValue();
        gradOutput.muli(2.0 / n);
        return sumSquares * sumSquares / n;
    }

    @Override
    public double value(INDArray output, INDArray target) {
        double norm = output.sub(target).norm2Number().doubleValue();
        return norm * norm / output.length();
    }

    public static final class Provider extends BaseProvider implements LossProvider {
        public Provider() {
            super("mse", "mean squared error (regression; one-hot targets for classes)", Schema.empty());
        }

        @Override
        public Loss create(Args args) {
            return new MeanSquaredError();
        }
    }
}
