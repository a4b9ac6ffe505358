package nn.stdlib.loss;

import nn.api.runtime.Loss;
import nn.api.internal.kernels.Matrices;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss that is the mean over every element of the [batch, width] output of a function of
 * (output, target), as PyTorch's reduction "mean". Computed in double precision in Java: the
 * matrices of table models are small, and one code path serves float32 training and float64
 * gradient checks.
 */
abstract class ElementwiseLoss implements Loss {

    /** The loss of one element. */
    abstract double value(double output, double target);

    /** d value / d output for one element. */
    abstract double derivative(double output, double target);

    @Override
    public double forwardBackward(INDArray output, INDArray target, INDArray gradOutput) {
        double[] o = Matrices.toArray(output);
        double[] t = Matrices.toArray(target);
        double total = 0;
        for (int i = 0; i < o.length; i++) {
            total += value(o[i], t[i]);
            o[i] = derivative(o[i], t[i]) / o.length;
        }
        Matrices.write(o, gradOutput);
        return total / o.length;
    }

    @Override
    public double value(INDArray output, INDArray target) {
        double[] o = Matrices.toArray(output);
        double[] t = Matrices.toArray(target);
        double total = 0;
        for (int i = 0; i < o.length; i++) total += value(o[i], t[i]);
        return total / o.length;
    }
}
