package nn.api.train;

import nn.api.data.Examples;
import nn.api.data.Normalization;
import nn.api.runtime.StepMemory;
import nn.api.graph.Shape;
import nn.api.internal.kernels.HostKernels;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns examples (uint8 images, float table rows) into a float input batch and float targets
 * (one-hot classes or values). Conversion happens in
 * Java into reused arrays, then one bulk copy per array into reused native buffers: no
 * allocation per step.
 */
public final class BatchFeeder {

    /** The arrays for one batch size. */
    public static final class Batch {
        final float[] x;
        final float[] targets;
        public final INDArray input;
        public final INDArray target;
        public int size;

        Batch(int n, Shape inputShape, int targetWidth) {
            x = new float[Math.toIntExact(n * inputShape.size())];
            targets = new float[n * targetWidth];
            input = StepMemory.outside(() -> Nd4j.createUninitialized(DataType.FLOAT, inputShape.withBatch(n), 'c'));
            target = StepMemory.outside(() -> Nd4j.createUninitialized(DataType.FLOAT, new long[]{n, targetWidth}, 'c'));
            size = n;
        }
    }

    private final Examples data;
    private final Normalization normalization;
    private final Shape inputShape;
    private final Map<Integer, Batch> bySize = new HashMap<>();

    public BatchFeeder(Examples data, Normalization normalization, Shape inputShape) {
        if (inputShape.size() != data.featureSize()) {
            throw new IllegalArgumentException("the model's input " + inputShape + " holds " + inputShape.size()
                    + " values but the data set's examples have " + data.featureSize()
                    + (data instanceof nn.api.data.ImageSet i ? " (" + i.channels() + "x" + i.rows() + "x" + i.cols() + ")" : ""));
        }
        this.data = data;
        this.normalization = normalization;
        this.inputShape = inputShape;
    }

    public int size() {
        return data.count();
    }

    /** Examples order[from .. from+n) as a batch; the returned arrays are reused by the next call of the same size. */
    public Batch batch(int[] order, int from, int n) {
        return batch(order, from, n, nn.api.data.Augmentation.NONE, null);
    }

    /** As {@link #batch(int[], int, int)}, each image randomly shifted and rotated with `rng`. */
    public Batch batch(int[] order, int from, int n, nn.api.data.Augmentation augmentation, java.util.Random rng) {
        Batch b = bySize.computeIfAbsent(n, k -> new Batch(k, inputShape, data.targetWidth()));
        data.fill(order, from, n, normalization, augmentation, rng, b.x, b.targets);
        // One bulk copy each: DataBuffer.setData writes element by element (a fifth of an MLP step).
        HostKernels.write(b.x, b.input);
        HostKernels.write(b.targets, b.target);
        return b;
    }

    /** An example's class, for accuracy. */
    public int label(int example) {
        return data.label(example);
    }

    /** The examples this feeder batches. */
    public Examples data() {
        return data;
    }
}
