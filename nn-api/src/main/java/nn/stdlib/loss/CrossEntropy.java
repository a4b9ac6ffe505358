package nn.stdlib.loss;

import nn.api.runtime.Loss;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LossProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import nn.api.runtime.Matrices;

/**
 * Softmax cross-entropy on logits, softmax folded in: log-softmax through the log-sum-exp
 * with the row maximum subtracted, so large logits never overflow. The gradient is
 * (softmax - target) / batch. Computed in Java on the [batch, classes] matrix: at batch 64
 * and 10 classes that is far cheaper than the fixed cost of a handful of native ops.
 */
public final class CrossEntropy implements Loss {

    @Override
    public double forwardBackward(INDArray output, INDArray target, INDArray gradOutput) {
        double[] z = Matrices.toArray(output);
        double loss = meanLoss(z, Matrices.toArray(target), (int) output.size(0), (int) output.size(1), true);
        Matrices.write(z, gradOutput);
        return loss;
    }

    @Override
    public double value(INDArray output, INDArray target) {
        return meanLoss(Matrices.toArray(output), Matrices.toArray(target), (int) output.size(0), (int) output.size(1), false);
    }

    /** The mean loss over rows of logits z; with `gradient`, z is overwritten with dLoss/dz. */
    private static double meanLoss(double[] z, double[] t, int batch, int classes, boolean gradient) {
        double total = 0;
        for (int i = 0; i < batch; i++) {
            int row = i * classes;
            double logSum = logSumExp(z, row, classes);
            for (int j = row; j < row + classes; j++) {
                double logP = z[j] - logSum;
                total -= t[j] * logP;
                if (gradient) z[j] = (Math.exp(logP) - t[j]) / batch;
            }
        }
        return total / batch;
    }

    /** log(sum(exp(z[from .. from+n)))) with the maximum subtracted first, so nothing overflows. */
    static double logSumExp(double[] z, int from, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = from; j < from + n; j++) max = Math.max(max, z[j]);
        double sum = 0;
        for (int j = from; j < from + n; j++) sum += Math.exp(z[j] - max);
        return max + Math.log(sum);
    }

    public static final class Provider extends BaseProvider implements LossProvider {
        public Provider() {
            super("cross_entropy", "softmax cross-entropy on logits (softmax folded in)", Schema.empty());
        }

        @Override
        public Loss create(Args args) {
            return new CrossEntropy();
        }
    }
}
