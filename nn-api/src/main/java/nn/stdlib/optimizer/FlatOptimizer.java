package nn.stdlib.optimizer;

import nn.api.internal.kernels.HostKernels;
import nn.api.runtime.Optimizer;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every standard optimizer shares. The update runs as plain Java loops over float arrays
 * (which the JIT vectorises) on staging copies of the flat parameter and gradient vectors:
 * one bulk copy in for each, one out for the parameters, reused every step. For the MLP's
 * 109k parameters that is tens of microseconds, where each ND4J op costs 17-60 µs.
 *
 * <p>Before the update: the gradient's global L2 norm is clipped to `clip_norm` (when > 0), and
 * `weight_decay` adds wd * p to the gradient (L2 regularisation, as PyTorch's SGD and Adam do;
 * AdamW decouples it instead). State is kept in float32, like PyTorch's default.
 */
public abstract class FlatOptimizer implements Optimizer {
    protected double lr;
    protected final double weightDecay;
    private final double clipNorm;
    protected long iteration;
    private float[] p, g;

    protected FlatOptimizer(Args args) {
        this.lr = args.getDouble("lr");
        this.weightDecay = args.getDouble("weight_decay");
        this.clipNorm = args.getDouble("clip_norm");
    }

    /** The parameters every optimizer takes besides its own: learning rate, weight decay, clipping. */
    protected static List<Param> commonParams(double defaultLr, double defaultWeightDecay) {
        List<Param> params = new ArrayList<>();
        params.add(Param.optional("lr", ParamType.FLOAT, defaultLr, "learning rate").range(0.0, null));
        params.add(Param.optional("weight_decay", ParamType.FLOAT, defaultWeightDecay, "weight decay factor").range(0.0, null));
        params.add(Param.optional("clip_norm", ParamType.FLOAT, 0.0,
                "clip the gradient's global L2 norm to this (0 = no clipping)").range(0.0, null));
        return params;
    }

    @Override
    public final void step(INDArray params, INDArray grads) {
        g = HostKernels.read(grads, g);
        p = HostKernels.read(params, p);
        if (buffers().isEmpty()) allocate(p.length); // not state(): that copies every buffer into a new array
        iteration++;
        if (clipNorm > 0) clip(g, clipNorm);
        if (weightDecay > 0 && !decoupledWeightDecay()) {
            float wd = (float) weightDecay;
            for (int i = 0; i < g.length; i++) g[i] += wd * p[i];
        }
        update(p, g, iteration);
        HostKernels.write(p, params);
    }

    /**
     * How many steps one pass of {@link #flushSubnormals} takes to visit every element: each
     * step flushes one slice, so a state value stays subnormal for at most this many steps.
     */
    static final int FLUSH_SLICES = 8;

    /**
     * Sets to 0 the values of this step's slice of each state buffer that have decayed below
     * float's normal range. State that decays geometrically (Adam's moments, momentum) reaches
     * subnormal floats for parameters whose gradient stays 0; x86 computes on subnormals many
     * times slower, and Java cannot set the CPU's flush-to-zero mode (PyTorch's
     * set_flush_denormal). Their effect on a parameter is below float's resolution, so the
     * parameters come out the same.
     *
     * <p>Why a slice a step and not a test inside the update loop: a conditional in the loop
     * stops the JIT from vectorising it, which made Adam's update 4-5x slower (530 against
     * 120 µs for 109k parameters); this scalar pass over an eighth of the state costs ~20 µs.
     */
    protected final void flushSubnormals(float[]... state) {
        int n = state[0].length;
        int slice = (n + FLUSH_SLICES - 1) / FLUSH_SLICES;
        int from = (int) (iteration % FLUSH_SLICES) * slice, to = Math.min(n, from + slice);
        for (float[] s : state) {
            for (int i = from; i < to; i++) {
                if (Math.abs(s[i]) < Float.MIN_NORMAL) s[i] = 0f;
            }
        }
    }

    /** Scales g so that its L2 norm is at most maxNorm. */
    static void clip(float[] g, double maxNorm) {
        double sum = 0;
        for (float v : g) sum += (double) v * v;
        double norm = Math.sqrt(sum);
        if (norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (int i = 0; i < g.length; i++) g[i] *= scale;
        }
    }

    /** Allocates the state buffers on the first step, when the parameter count is known. */
    protected abstract void allocate(int n);

    /** Updates p in place from g at step t (1-based). */
    protected abstract void update(float[] p, float[] g, long t);

    /** The state buffers by name, in a fixed order; empty before the first step. */
    protected abstract Map<String, float[]> buffers();

    /** True for AdamW: weight decay shrinks the parameters directly instead of entering the gradient. */
    protected boolean decoupledWeightDecay() {
        return false;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = lr;
    }

    @Override
    public Map<String, INDArray> state() {
        Map<String, float[]> buffers = buffers();
        if (buffers.isEmpty()) return Map.of();
        Map<String, INDArray> state = new LinkedHashMap<>();
        buffers.forEach((name, values) -> state.put(name, Nd4j.createFromArray(values)));
        state.put("iteration", Nd4j.scalar(iteration));
        return state;
    }

    @Override
    public void restore(Map<String, INDArray> state) {
        if (state.isEmpty()) return;
        INDArray first = state.values().iterator().next();
        allocate(Math.toIntExact(first.length()));
        for (Map.Entry<String, float[]> e : buffers().entrySet()) {
            INDArray saved = state.get(e.getKey());
            if (saved == null) throw new IllegalArgumentException("optimizer state lacks '" + e.getKey() + "'");
            float[] values = saved.data().asFloat();
            System.arraycopy(values, 0, e.getValue(), 0, e.getValue().length);
        }
        iteration = state.get("iteration").getLong(0);
    }
}
