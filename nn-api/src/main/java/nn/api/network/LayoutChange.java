package nn.api.network;

import nn.api.graph.Shape;
import nn.api.runtime.BatchBuffers;
import nn.api.runtime.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies an image batch between the channels-first [batch, channels, height, width] layout and
 * the channels-last [batch, height, width, channels] one (and the gradient back). With one
 * channel, or a 1 × 1 image, both layouts are the same memory: then it is a reshape.
 */
final class LayoutChange implements Layer {
    private final boolean toChannelsLast;
    private final boolean sameMemory;
    private final long[] first;
    private final long[] last;
    private final BatchBuffers outputs;
    private final BatchBuffers inputGradients;

    /** @param example the channels-first shape of one example, [channels, height, width] */
    LayoutChange(Shape example, boolean toChannelsLast) {
        this.toChannelsLast = toChannelsLast;
        this.first = new long[]{example.dim(0), example.dim(1), example.dim(2)};
        this.last = new long[]{example.dim(1), example.dim(2), example.dim(0)};
        this.sameMemory = example.dim(0) == 1 || (long) example.dim(1) * example.dim(2) == 1;
        this.outputs = new BatchBuffers(toChannelsLast ? last : first);
        this.inputGradients = new BatchBuffers(toChannelsLast ? first : last);
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        return change(input, toChannelsLast, outputs);
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        return change(gradOutput, !toChannelsLast, inputGradients);
    }

    private INDArray change(INDArray batch, boolean intoChannelsLast, BatchBuffers into) {
        long[] example = intoChannelsLast ? last : first;
        long n = batch.size(0);
        if (sameMemory) return batch.reshape('c', n, example[0], example[1], example[2]);
        INDArray out = into.get(n, batch.dataType());
        out.assign(intoChannelsLast ? batch.permute(0, 2, 3, 1) : batch.permute(0, 3, 1, 2));
        return out;
    }
}
