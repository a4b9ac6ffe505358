package nn.stdlib.optimizer;

import nn.api.runtime.Optimizer;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.OptimizerProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/**
 * Stochastic gradient descent, optionally with (PyTorch-style) momentum:
 * v = momentum * v + g; p -= lr * v. Updates the whole flat vector with BLAS axpy.
 */
public final class Sgd implements Optimizer {
    private double lr;
    private final double momentum;
    private INDArray velocity;

    public Sgd(double lr, double momentum) {
        this.lr = lr;
        this.momentum = momentum;
    }

    @Override
    public void step(INDArray params, INDArray grads) {
        if (momentum == 0) {
            Nd4j.getBlasWrapper().level1().axpy(params.length(), -lr, grads, params);
            return;
        }
        if (velocity == null) velocity = Nd4j.zeros(grads.dataType(), grads.shape());
        velocity.muli(momentum).addi(grads);
        Nd4j.getBlasWrapper().level1().axpy(params.length(), -lr, velocity, params);
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
        return velocity == null ? Map.of() : Map.of("velocity", velocity);
    }

    @Override
    public void restore(Map<String, INDArray> state) {
        INDArray v = state.get("velocity");
        velocity = v == null ? null : v.dup();
    }

    public static final class Provider extends BaseProvider implements OptimizerProvider {
        public Provider() {
            super("sgd", "stochastic gradient descent with optional momentum", Schema.of(
                    Param.optional("lr", ParamType.FLOAT, 0.01, "learning rate").range(0.0, null),
                    Param.optional("momentum", ParamType.FLOAT, 0.0, "momentum factor").range(0.0, 1.0)));
        }

        @Override
        public Optimizer create(Args args, long parameterCount) {
            return new Sgd(args.getDouble("lr"), args.getDouble("momentum"));
        }
    }
}
