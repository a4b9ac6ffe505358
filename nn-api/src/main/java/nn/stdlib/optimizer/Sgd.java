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

/**
 * Stochastic gradient descent with optional momentum and Nesterov momentum, as PyTorch:
 * v = momentum * v + g; p -= lr * (nesterov ? g + momentum * v : v).
 */
public final class Sgd extends FlatOptimizer {
    private final double momentum;
    private final boolean nesterov;
    private float[] velocity;

    public Sgd(Args args) {
        super(args);
        this.momentum = args.getDouble("momentum");
        this.nesterov = args.getBool("nesterov");
        if (nesterov && momentum == 0) throw new IllegalArgumentException("sgd: nesterov needs a momentum > 0");
    }

    @Override
    protected void allocate(int n) {
        velocity = new float[n];
    }

    @Override
    protected void update(float[] p, float[] g, long t) {
        float rate = (float) lr, mu = (float) momentum;
        if (momentum == 0) {
            for (int i = 0; i < p.length; i++) p[i] -= rate * g[i];
            return;
        }
        // Two loops, not a test per element, so that each vectorises.
        if (nesterov) {
            for (int i = 0; i < p.length; i++) {
                float v = mu * velocity[i] + g[i];
                velocity[i] = v;
                p[i] -= rate * (g[i] + mu * v);
            }
        } else {
            for (int i = 0; i < p.length; i++) {
                float v = mu * velocity[i] + g[i];
                velocity[i] = v;
                p[i] -= rate * v;
            }
        }
        flushSubnormals(velocity);
    }

    @Override
    protected Map<String, float[]> buffers() {
        return velocity == null ? Map.of() : Map.of("velocity", velocity);
    }

    public static final class Provider extends BaseProvider implements OptimizerProvider {
        public Provider() {
            super("sgd", "stochastic gradient descent with optional (Nesterov) momentum", declaredSchema());
        }

        private static Schema declaredSchema() {
            List<Param> params = new ArrayList<>(commonParams(0.01, 0.0));
            params.add(1, Param.optional("momentum", ParamType.FLOAT, 0.0, "momentum factor").range(0.0, 1.0));
            params.add(2, Param.optional("nesterov", ParamType.BOOL, false, "Nesterov momentum"));
            return new Schema(params);
        }

        @Override
        public int stateSlots(Args args) {
            return 1; // the velocity, allocated on the first step even without momentum
        }

        @Override
        public Optimizer create(Args args) {
            return new Sgd(args);
        }
    }
}
