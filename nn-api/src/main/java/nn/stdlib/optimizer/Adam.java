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
 * Adam (Kingma and Ba), as PyTorch computes it. One Java loop over the flat vectors, which the
 * JIT vectorises: 120 µs for the MLP's 109k parameters, against 240 µs for libnd4j's adam_updater op plus 100 µs for the
 * subtraction. AdamW is the same update with decoupled weight decay ({@link AdamW}).
 */
public class Adam extends FlatOptimizer {
    private final double beta1, beta2, eps;
    private float[] m, v;

    public Adam(Args args) {
        super(args);
        this.beta1 = args.getDouble("beta1");
        this.beta2 = args.getDouble("beta2");
        this.eps = args.getDouble("eps");
    }

    @Override
    protected void allocate(int n) {
        m = new float[n];
        v = new float[n];
    }

    @Override
    protected void update(float[] p, float[] g, long t) {
        if (decoupledWeightDecay() && weightDecay > 0) {
            float shrink = (float) (1 - lr * weightDecay);
            for (int i = 0; i < p.length; i++) p[i] *= shrink;
        }
        float b1 = (float) beta1, b2 = (float) beta2;
        float stepSize = (float) (lr / (1 - Math.pow(beta1, t)));
        float correction2 = (float) Math.sqrt(1 - Math.pow(beta2, t));
        float epsilon = (float) eps;
        for (int i = 0; i < p.length; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + (1 - b1) * gi;
            float vi = b2 * v[i] + (1 - b2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] -= stepSize * mi / ((float) Math.sqrt(vi) / correction2 + epsilon);
        }
        flushSubnormals(m, v);
    }

    @Override
    protected Map<String, float[]> buffers() {
        if (m == null) return Map.of();
        Map<String, float[]> b = new LinkedHashMap<>();
        b.put("m", m);
        b.put("v", v);
        return b;
    }

    static List<Param> params(double defaultWeightDecay) {
        List<Param> params = new ArrayList<>(commonParams(1e-3, defaultWeightDecay));
        params.add(1, Param.optional("beta1", ParamType.FLOAT, 0.9, "decay of the first moment").range(0.0, 1.0));
        params.add(2, Param.optional("beta2", ParamType.FLOAT, 0.999, "decay of the second moment").range(0.0, 1.0));
        params.add(3, Param.optional("eps", ParamType.FLOAT, 1e-8, "added to the denominator").range(0.0, null));
        return params;
    }

    public static final class Provider extends BaseProvider implements OptimizerProvider {
        public Provider() {
            super("adam", "Adam: adaptive moment estimation (weight_decay adds an L2 term to the gradient)",
                    new Schema(params(0.0)));
        }

        @Override
        public int stateSlots(Args args) {
            return 2; // first and second moments
        }

        @Override
        public Optimizer create(Args args) {
            return new Adam(args);
        }
    }
}
