package nn.stdlib.optimizer;

import nn.api.runtime.Optimizer;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.OptimizerProvider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RMSprop, as PyTorch: s = alpha * s + (1 - alpha) * g^2; step = g / (sqrt(s) + eps), through a
 * momentum buffer when momentum > 0.
 */
public final class RmsProp extends FlatOptimizer {
    private final double alpha, eps, momentum;
    private float[] square, buffer;

    public RmsProp(Args args) {
        super(args);
        this.alpha = args.getDouble("alpha");
        this.eps = args.getDouble("eps");
        this.momentum = args.getDouble("momentum");
    }

    @Override
    protected void allocate(int n) {
        square = new float[n];
        buffer = new float[n];
    }

    @Override
    protected void update(float[] p, float[] g, long t) {
        float a = (float) alpha, epsilon = (float) eps, mu = (float) momentum, rate = (float) lr;
        if (mu > 0) {
            for (int i = 0; i < p.length; i++) {
                float s = a * square[i] + (1 - a) * g[i] * g[i];
                square[i] = s;
                float step = mu * buffer[i] + g[i] / ((float) Math.sqrt(s) + epsilon);
                buffer[i] = step;
                p[i] -= rate * step;
            }
            flushSubnormals(square, buffer);
        } else {
            // Two loops, not a test per element, so that each vectorises.
            for (int i = 0; i < p.length; i++) {
                float s = a * square[i] + (1 - a) * g[i] * g[i];
                square[i] = s;
                p[i] -= rate * (g[i] / ((float) Math.sqrt(s) + epsilon));
            }
            flushSubnormals(square);
        }
    }

    @Override
    protected Map<String, float[]> buffers() {
        if (square == null) return Map.of();
        Map<String, float[]> b = new LinkedHashMap<>();
        b.put("square_avg", square);
        b.put("momentum_buffer", buffer);
        return b;
    }

    public static final class Provider extends BaseProvider implements OptimizerProvider {
        public Provider() {
            super("rmsprop", "RMSprop: divides by a running root mean square of the gradient", declaredSchema());
        }

        private static Schema declaredSchema() {
            List<Param> params = new ArrayList<>(commonParams(0.01, 0.0));
            params.add(1, Param.optional("alpha", ParamType.FLOAT, 0.99, "decay of the squared average").range(0.0, 1.0));
            params.add(2, Param.optional("eps", ParamType.FLOAT, 1e-8, "added to the denominator").range(0.0, null));
            params.add(3, Param.optional("momentum", ParamType.FLOAT, 0.0, "momentum factor").range(0.0, 1.0));
            return new Schema(params);
        }

        @Override
        public int stateSlots(Args args) {
            return 2; // the squared-gradient average and the update buffer, allocated whatever the momentum
        }

        @Override
        public Optimizer create(Args args) {
            return new RmsProp(args);
        }
    }
}
