package org.example.nnplugin;

import nn.api.runtime.Activation;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.ActivationProvider;
import nn.api.spi.BaseProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** swish(x) = x * sigmoid(beta * x): smooth, not monotonic, close to relu for large beta. */
public final class Swish implements Activation {
    private final double beta;

    public Swish(double beta) {
        this.beta = beta;
    }

    @Override
    public void forward(INDArray x, INDArray y) {
        INDArray s = Transforms.sigmoid(x.mul(beta), false);
        y.assign(s.muli(x));
    }

    @Override
    public void backward(INDArray x, INDArray y, INDArray gy, INDArray gx) {
        // f'(x) = s + beta * x * s * (1 - s), with s = sigmoid(beta * x)
        INDArray s = Transforms.sigmoid(x.mul(beta), false);
        INDArray slope = s.rsub(1).muli(s).muli(x).muli(beta).addi(s);
        gx.assign(slope.muli(gy));
    }

    @Override
    public double value(double x) {
        return x * sigmoid(beta * x);
    }

    @Override
    public double derivative(double x) {
        double s = sigmoid(beta * x);
        return s + beta * x * s * (1 - s);
    }

    /** Each output reads only its own input, so image batches may stay channels-last around it. */
    @Override
    public boolean elementwise() {
        return true;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** `swish(beta = 1.0)` in a .nn file. */
    public static final class Provider extends BaseProvider implements ActivationProvider {
        public Provider() {
            super("swish", "x * sigmoid(beta * x)", Schema.of(
                    Param.optional("beta", ParamType.FLOAT, 1.0, "sharpness; large beta approaches relu").range(0.0, null)));
        }

        @Override
        public Activation create(Args args) {
            return new Swish(args.getDouble("beta"));
        }
    }
}
