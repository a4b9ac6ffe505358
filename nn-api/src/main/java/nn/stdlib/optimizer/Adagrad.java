package nn.stdlib.optimizer;

import nn.api.runtime.Optimizer;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.OptimizerProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Adagrad, as PyTorch: sum += g^2; p -= lr * g / (sqrt(sum) + eps). */
public final class Adagrad extends FlatOptimizer {
    private final double eps;
    private float[] sum;

    public Adagrad(Args args) {
        super(args);
        this.eps = args.getDouble("eps");
    }

    @Override
    protected void allocate(int n) {
        sum = new float[n];
    }

    @Override
    protected void update(float[] p, float[] g, long t) {
        float rate = (float) lr, epsilon = (float) eps;
        for (int i = 0; i < p.length; i++) {
            sum[i] += g[i] * g[i];
            p[i] -= rate * g[i] / ((float) Math.sqrt(sum[i]) + epsilon);
        }
    }

    @Override
    protected Map<String, float[]> buffers() {
        return sum == null ? Map.of() : Map.of("sum", sum);
    }

    public static final class Provider extends BaseProvider implements OptimizerProvider {
        public Provider() {
            super("adagrad", "Adagrad: per-parameter rates from the sum of squared gradients", declaredSchema());
        }

        private static Schema declaredSchema() {
            List<Param> params = new ArrayList<>(commonParams(0.01, 0.0));
            params.add(1, Param.optional("eps", ParamType.FLOAT, 1e-10, "added to the denominator").range(0.0, null));
            return new Schema(params);
        }

        @Override
        public int stateSlots(Args args) {
            return 1; // the sum of squared gradients
        }

        @Override
        public Optimizer create(Args args) {
            return new Adagrad(args);
        }
    }
}
