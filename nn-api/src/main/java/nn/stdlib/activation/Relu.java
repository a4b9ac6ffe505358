package nn.stdlib.activation;

import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import nn.api.runtime.Activation;
import nn.api.internal.kernels.HostKernels;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.ActivationProvider;
import nn.api.spi.BaseProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** max(0, x) */
public final class Relu implements Activation {
    @Override
    public boolean elementwise() {
        return true;
    }

    /** Where all of a window is negative both orders give 0 and a zero gradient. */
    @Override
    public boolean nonDecreasing() {
        return true;
    }


    @Override
    public void forward(INDArray x, INDArray y) {
        if (HostKernels.applies(x, y) && HostKernels.smallForward(x)) HostKernels.relu(x, y);
        else Nd4j.exec(new RectifiedLinear(x, y, 0.0));
    }

    @Override
    public void backward(INDArray x, INDArray y, INDArray gy, INDArray gx) {
        if (HostKernels.applies(y, gy, gx) && HostKernels.small(y)) HostKernels.reluBackward(y, gy, gx);
        else {
            // A 0/1 mask, then the product: two plain ops, 4x faster than ND4J's relu
            // derivative op on a CNN's activations (3.7 ms against 0.9 ms on [64, 32, 28, 28]).
            Nd4j.exec(new org.nd4j.linalg.api.ops.impl.scalar.Step(y, gx, 0.0)); // not this package's Step activation
            Nd4j.exec(new MulOp(gx, gy, gx));
        }
    }

    @Override
    public double value(double x) {
        return Math.max(0, x);
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1 : 0;
    }

    public static final class Provider extends BaseProvider implements ActivationProvider {
        public Provider() {
            super("relu", "max(0, x)", Schema.empty());
        }

        @Override
        public Activation create(Args args) {
            return new Relu();
        }
    }
}
