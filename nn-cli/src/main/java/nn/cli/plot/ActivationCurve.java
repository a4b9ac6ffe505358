package nn.cli.plot;

import nn.api.runtime.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** An activation f sampled at evenly spaced x: f(x) and f'(x), as the network computes them. */
public record ActivationCurve(String title, double[] x, double[] value, double[] derivative) {

    /**
     * Runs the activation's own tensor forward and backward passes (backward with a gradient
     * of ones gives f'(x)), so the plot shows what training uses. Each x sits in a row [x, 0]:
     * element-wise activations ignore the 0, and a row-wise one (softmax) becomes its two-class
     * form, the logistic curve.
     */
    public static ActivationCurve sample(String title, Activation activation, double from, double to, int points) {
        if (points < 2 || !(to > from)) throw new IllegalArgumentException("need at least two points over a range");
        double[] x = new double[points];
        for (int i = 0; i < points; i++) x[i] = from + (to - from) * i / (points - 1);
        INDArray in = Nd4j.zeros(DataType.DOUBLE, points, 2);
        in.getColumn(0).assign(Nd4j.createFromArray(x));
        INDArray out = Nd4j.zeros(DataType.DOUBLE, points, 2);
        activation.forward(in, out);
        INDArray gradOut = Nd4j.zeros(DataType.DOUBLE, points, 2);
        gradOut.getColumn(0).assign(1.0);
        INDArray gradIn = Nd4j.zeros(DataType.DOUBLE, points, 2);
        activation.backward(in, out, gradOut, gradIn);
        double[] value = out.get(NDArrayIndex.all(), NDArrayIndex.point(0)).toDoubleVector();
        double[] derivative = gradIn.get(NDArrayIndex.all(), NDArrayIndex.point(0)).toDoubleVector();
        return new ActivationCurve(title, x, value, derivative);
    }
}
