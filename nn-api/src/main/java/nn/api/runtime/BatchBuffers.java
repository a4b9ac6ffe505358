package nn.api.runtime;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.Map;

/**
 * Output buffers kept per batch size, so a layer allocates once for training batches, once
 * for the last short batch and once for evaluation, instead of on every step. They live outside
 * {@link StepMemory}'s scopes, since they outlive every step.
 */
public final class BatchBuffers {
    private final long[] exampleShape;
    private final Map<Long, INDArray> byBatch = new HashMap<>(4);

    /** @param exampleShape the shape of one example's values (without the batch dimension) */
    public BatchBuffers(long... exampleShape) {
        this.exampleShape = exampleShape.clone();
    }

    /** A [batch, exampleShape...] array of the given type, reused across calls. */
    public INDArray get(long batch, DataType type) {
        INDArray a = byBatch.get(batch);
        if (a == null || a.dataType() != type) {
            long[] shape = new long[exampleShape.length + 1];
            shape[0] = batch;
            System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
            a = StepMemory.outside(() -> Nd4j.createUninitialized(type, shape, 'c'));
            byBatch.put(batch, a);
        }
        return a;
    }
}
