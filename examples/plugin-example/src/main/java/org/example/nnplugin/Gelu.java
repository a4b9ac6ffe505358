package org.example.nnplugin;

import nn.api.runtime.Activation;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.ActivationProvider;
import nn.api.spi.BaseProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * gelu(x) = x * Phi(x), in the tanh form used by BERT and GPT-2:
 * 0.5 x (1 + tanh(k (x + 0.044715 x^3))), k = sqrt(2 / pi).
 */
public final class Gelu implements Activation {
    private static final double K = Math.sqrt(2 / Math.PI);
    private static final double C = 0.044715;

    @Override
    public void forward(INDArray x, INDArray y) {
        INDArray t = inner(x);
        y.assign(t.addi(1).muli(x).muli(0.5));
    }

    @Override
    public void backward(INDArray x, INDArray y, INDArray gy, INDArray gx) {
        // f'(x) = 0.5 (1 + t) + 0.5 x (1 - t^2) k (1 + 3 C x^2), with t = tanh(k (x + C x^3))
        INDArray t = inner(x);
        INDArray x2 = x.mul(x);
        INDArray sech2 = t.mul(t).rsubi(1);
        INDArray slope = x2.muli(3 * C).addi(1).muli(K).muli(sech2).muli(x).muli(0.5).addi(t.addi(1).muli(0.5));
        gx.assign(slope.muli(gy));
    }

    private static INDArray inner(INDArray x) {
        INDArray u = x.mul(x).muli(x).muli(C).addi(x).muli(K);
        return Transforms.tanh(u, false);
    }

    @Override
    public double value(double x) {
        return 0.5 * x * (1 + Math.tanh(K * (x + C * x * x * x)));
    }

    @Override
    public double derivative(double x) {
        double t = Math.tanh(K * (x + C * x * x * x));
        return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * K * (1 + 3 * C * x * x);
    }

    /** `gelu()` in a .nn file. Registered by {@link ExamplePluginModule}, not by a service file. */
    public static final class Provider extends BaseProvider implements ActivationProvider {
        public Provider() {
            super("gelu", "x * Phi(x), the Gaussian error linear unit (tanh approximation)", Schema.empty());
        }

        @Override
        public Activation create(Args args) {
            return new Gelu();
        }
    }
}
