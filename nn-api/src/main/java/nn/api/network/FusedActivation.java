package nn.api.network;

import nn.api.runtime.Activation;
import nn.api.runtime.BatchBuffers;
import nn.api.runtime.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An activation the layer before it applies (a {@link nn.api.runtime.FusesActivation}): the
 * forward pass hands the values on as they are; the backward pass is the activation's, from
 * its output, which is all a fused activation's gradient may need.
 */
final class FusedActivation implements Layer {
    private final Activation activation;
    private final BatchBuffers inputGradients;
    private INDArray lastOutput;

    FusedActivation(Activation activation, long[] exampleDims) {
        this.activation = activation;
        this.inputGradients = new BatchBuffers(exampleDims);
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        lastOutput = input;
        return input;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray gradInput = inputGradients.get(gradOutput.size(0), gradOutput.dataType());
        activation.backward(lastOutput, lastOutput, gradOutput, gradInput);
        return gradInput;
    }
}
