package nn.api.runtime;

import nn.api.graph.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An activation standing in a chain as a layer. Never in place: the layer before may read
 * its own output in its backward pass.
 */
public final class ActivationLayer implements Layer, ChannelsLast {
    private final Activation activation;
    private final Shape shape;
    private BatchBuffers outputs;
    private BatchBuffers inputGradients;
    private INDArray lastInput, lastOutput;

    public ActivationLayer(Activation activation, Shape shape) {
        this.activation = activation;
        this.shape = shape;
        long[] dims = shape.longDims();
        this.outputs = new BatchBuffers(dims);
        this.inputGradients = new BatchBuffers(dims);
    }

    @Override
    public Role channelsLastRole() {
        return activation.elementwise() && shape.rank() == 3 ? Role.FOLLOWS : Role.UNABLE;
    }

    @Override
    public void useChannelsLast() {
        outputs = new BatchBuffers(shape.dim(1), shape.dim(2), shape.dim(0));
        inputGradients = new BatchBuffers(shape.dim(1), shape.dim(2), shape.dim(0));
    }

    public Activation activation() {
        return activation;
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        lastInput = input;
        lastOutput = outputs.get(input.size(0), input.dataType());
        activation.forward(input, lastOutput);
        return lastOutput;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gradInput = inputGradients.get(gradOutput.size(0), gradOutput.dataType());
        activation.backward(lastInput, lastOutput, gradOutput, gradInput);
        return gradInput;
    }
}
