package nn.api.train;

import nn.api.network.Network;
import nn.api.runtime.Loss;
import nn.api.runtime.Optimizer;
import nn.api.runtime.StepMemory;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * One training step in its phases: forward, loss and its gradient, backward, one optimizer
 * update over the flat parameter vector. The trainer runs them in a row; `nn bench` times
 * each phase on its own, so both run the same code.
 */
public final class TrainingStep {
    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    /** dLoss/dOutput, reused while the output shape stays the same. */
    private INDArray gradOutput;

    public TrainingStep(Network network, Loss loss, Optimizer optimizer) {
        this.network = network;
        this.loss = loss;
        this.optimizer = optimizer;
    }

    /** The network's output for a training batch (dropout and batch statistics in training mode). */
    public INDArray forward(INDArray input) {
        return network.forward(input, true);
    }

    /** The mean loss of `output` against one-hot `target`; keeps its gradient for {@link #backward()}. */
    public double loss(INDArray output, INDArray target) {
        if (gradOutput == null || !Arrays.equals(gradOutput.shape(), output.shape())) {
            gradOutput = StepMemory.outside(() -> Nd4j.createUninitialized(output.dataType(), output.shape(), 'c'));
        }
        return loss.forwardBackward(output, target, gradOutput);
    }

    /** Back-propagates the last loss gradient into the network's flat gradient vector. */
    public void backward() {
        network.backward(gradOutput);
    }

    /** One optimizer update of the parameters from the gradients. */
    public void update() {
        optimizer.step(network.params(), network.grads());
    }
}
