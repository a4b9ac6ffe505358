package nn.stdlib.loss;

import nn.api.runtime.Loss;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LossProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Softmax cross-entropy on logits, softmax folded in: log-softmax through the log-sum-exp
 * with the row maximum subtracted, so large logits never overflow. The gradient is
 * (softmax - target) / batch. Computed in Java on the [batch, classes] matrix: at batch 64
 * and 10 classes that is far cheaper than the fixed cost of a handful of native ops.
 */
public final class CrossEntropy implements Loss {

    @Override
    public double forwardBackward(INDArray output, INDArray target, INDArray gradOutput) {
        double[][] z = output.toDoubleMatrix();
        double[][] t = target.toDoubleMatrix();
        double total = 0;
        int batch = z.length;
        for (int i = 0; i < batch; i++) {
            double[] row = z[i];
            double logSum = logSumExp(row);
            for (int j = 0; j < row.length; j++) {
                double logP = row[j] - logSum;
                total -= t[i][j] * logP;
                row[j] = (Math.exp(logP) - t[i][j]) / batch; // reuse the row for the gradient
            }
        }
        gradOutput.assign(Nd4j.createFromArray(z));
        return total / batch;
    }

    @Override
    public double value(INDArray output, INDArray target) {
        double[][] z = output.toDoubleMatrix();
        double[][] t = target.toDoubleMatrix();
        double total = 0;
        for (int i = 0; i < z.length; i++) {
            double logSum = logSumExp(z[i]);
            for (int j = 0; j < z[i].length; j++) total -= t[i][j] * (z[i][j] - logSum);
        }
        return total / z.length;
    }

    static double logSumExp(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) max = Math.max(max, v);
        double sum = 0;
        for (double v : row) sum += Math.exp(v - max);
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
