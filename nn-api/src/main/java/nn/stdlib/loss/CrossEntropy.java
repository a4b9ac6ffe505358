package nn.stdlib.loss;

import nn.api.internal.kernels.HostKernels;
import nn.api.runtime.Loss;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LossProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import nn.api.internal.kernels.Matrices;

/**
 * Softmax cross-entropy on logits, softmax folded in: log-softmax through the log-sum-exp
 * with the row maximum subtracted, so large logits never overflow. The gradient is
 * (softmax - target) / batch. With `label_smoothing = ε` the target is (1 - ε) one-hot + ε / classes
 * (Szegedy et al. 2016), which keeps the logits from growing without bound on examples already
 * right. Computed in Java on the [batch, classes] matrix: at batch 64
 * and 10 classes that is far cheaper than the fixed cost of a handful of native ops.
 */
public final class CrossEntropy implements Loss {
    /** Reused per step: [0] the logits (then their gradient), [1] the targets. */
    private final float[][] floats = new float[2][];
    private final double[][] doubles = new double[2][];
    private final double smoothing;

    public CrossEntropy() {
        this(0);
    }

    public CrossEntropy(double smoothing) {
        if (!(smoothing >= 0 && smoothing < 1)) throw new IllegalArgumentException("label_smoothing must be in [0, 1)");
        this.smoothing = smoothing;
    }

    @Override
    public double forwardBackward(INDArray output, INDArray target, INDArray gradOutput) {
        double[] z = load(output, 0);
        double loss = meanLoss(z, load(target, 1), (int) output.size(0), (int) output.size(1), true);
        if (HostKernels.applies(gradOutput) && floats[0] != null && floats[0].length == z.length) {
            float[] g = floats[0];
            for (int i = 0; i < g.length; i++) g[i] = (float) z[i];
            HostKernels.write(g, gradOutput);
        } else {
            Matrices.write(z, gradOutput);
        }
        return loss;
    }

    @Override
    public double value(INDArray output, INDArray target) {
        return meanLoss(load(output, 0), load(target, 1), (int) output.size(0), (int) output.size(1), false);
    }

    /**
     * An array's values as doubles. On the CPU backend with float32 through two reused arrays
     * (no garbage per step); otherwise (float64 gradient checks, other backends) a fresh copy.
     */
    private double[] load(INDArray a, int slot) {
        if (!HostKernels.applies(a)) return Matrices.toArray(a);
        float[] f = floats[slot] = HostKernels.read(a, floats[slot]);
        double[] d = doubles[slot];
        if (d == null || d.length != f.length) d = doubles[slot] = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    /** The mean loss over rows of logits z; with `gradient`, z is overwritten with dLoss/dz. */
    private double meanLoss(double[] z, double[] t, int batch, int classes, boolean gradient) {
        double total = 0;
        double keep = 1 - smoothing, spread = smoothing / classes;
        for (int i = 0; i < batch; i++) {
            int row = i * classes;
            double logSum = logSumExp(z, row, classes);
            for (int j = row; j < row + classes; j++) {
                double logP = z[j] - logSum;
                double target = smoothing == 0 ? t[j] : keep * t[j] + spread;
                total -= target * logP;
                if (gradient) z[j] = (Math.exp(logP) - target) / batch;
            }
        }
        return total / batch;
    }

    /** log(sum(exp(z[from .. from+n)))) with the maximum subtracted first, so nothing overflows. */
    static double logSumExp(double[] z, int from, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = from; j < from + n; j++) max = Math.max(max, z[j]);
        double sum = 0;
        for (int j = from; j < from + n; j++) sum += Math.exp(z[j] - max);
        return max + Math.log(sum);
    }

    public static final class Provider extends BaseProvider implements LossProvider {
        public Provider() {
            super("cross_entropy", "softmax cross-entropy on logits (softmax folded in)",
                    Schema.of(Param.optional("label_smoothing", ParamType.FLOAT, 0.0,
                            "share of each target spread evenly over all classes").range(0.0, 0.999)));
        }

        @Override
        public Loss create(Args args) {
            // Args.EMPTY (code that builds a loss by hand) means no smoothing, as the schema's default.
            return new CrossEntropy(args.has("label_smoothing") ? args.getDouble("label_smoothing") : 0);
        }

        @Override
        public String unfitTarget(nn.api.data.Examples train) {
            if (train.task() == nn.api.data.Task.CLASSES) return null;
            return "cross_entropy needs class labels, but the data set's targets are numbers: use mse, mae or huber"
                    + " for values, or read the target as classes (csv(..., task = \"classes\"))";
        }
    }
}
