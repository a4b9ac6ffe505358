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
 * update over the flat parameter vector. {@link #run} is the step as the trainer, `nn bench` and
 * a Spark worker all run it, so the three time the same code.
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

    /**
     * One step on a batch inside its own step memory: forward with the loss and, only if the loss
     * is finite (so the parameters never take a NaN step), backward and the update. Each phase's
     * end is told to {@code laps}; the caller laps the feed before. Returns the loss.
     */
    public double run(INDArray input, INDArray target, StepLaps laps) {
        double value;
        try (StepMemory scope = StepMemory.open(StepMemory.Purpose.TRAINING)) {
            value = loss(forward(input), target);
            laps.lap(StepPhase.FORWARD);
            if (!Double.isFinite(value)) return value;
            backward();
            laps.lap(StepPhase.BACKWARD);
            update();
        }
        laps.lap(StepPhase.UPDATE);
        return value;
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

    /** One optimizer update of the parameters from the gradients; none without an optimizer (a worker averaging gradients). */
    public void update() {
        if (optimizer != null) optimizer.step(network.params(), network.grads());
    }
}
