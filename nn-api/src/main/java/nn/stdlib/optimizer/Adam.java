package nn.stdlib.optimizer;

import nn.api.runtime.Optimizer;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.OptimizerProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/**
 * Adam (Kingma and Ba) over the network's one flat parameter vector: a single fused native
 * update (libnd4j's adam_updater, written into the gradient buffer) and one subtraction per
 * step, instead of several ops per parameter tensor.
 */
public final class Adam implements Optimizer {
    private double lr;
    private final double beta1, beta2, eps;
    private INDArray m, v;
    private int iteration;

    public Adam(double lr, double beta1, double beta2, double eps) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override
    public void step(INDArray params, INDArray grads) {
        if (m == null) {
            m = Nd4j.zeros(grads.dataType(), grads.shape());
            v = Nd4j.zeros(grads.dataType(), grads.shape());
        }
        // The op turns grads into the update in place and advances both moments.
        Nd4j.exec(new AdamUpdater(grads, v, m, lr, beta1, beta2, eps, iteration));
        params.subi(grads);
        iteration++;
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
        if (m == null) return Map.of();
        return Map.of("m", m, "v", v, "iteration", Nd4j.scalar(iteration));
    }

    @Override
    public void restore(Map<String, INDArray> state) {
        if (state.isEmpty()) return;
        m = state.get("m").dup();
        v = state.get("v").dup();
        iteration = state.get("iteration").getInt(0);
    }

    public static final class Provider extends BaseProvider implements OptimizerProvider {
        public Provider() {
            super("adam", "Adam: adaptive moment estimation", Schema.of(
                    Param.optional("lr", ParamType.FLOAT, 1e-3, "learning rate").range(0.0, null),
                    Param.optional("beta1", ParamType.FLOAT, 0.9, "decay of the first moment").range(0.0, 1.0),
                    Param.optional("beta2", ParamType.FLOAT, 0.999, "decay of the second moment").range(0.0, 1.0),
                    Param.optional("eps", ParamType.FLOAT, 1e-8, "added to the denominator").range(0.0, null)));
        }

        @Override
        public Optimizer create(Args args, long parameterCount) {
            return new Adam(args.getDouble("lr"), args.getDouble("beta1"), args.getDouble("beta2"),
                    args.getDouble("eps"));
        }
    }
}
