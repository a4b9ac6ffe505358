package nn.api.train;

import nn.api.graph.TensorSize;
import nn.api.graph.TrainSpec;
import nn.api.network.ModelSummary;
import nn.api.registry.Registry;
import nn.api.schema.Args;
import nn.api.spi.OptimizerProvider;

import java.util.List;

/**
 * The memory training a model takes, estimated from its checked graph without allocating
 * anything: float32 parameters and as many gradients (native, ND4J), the optimizer's state and
 * its staging copies of the parameter and gradient vectors (Java heap), and the activations:
 * every node's output and its gradient per training example, outputs alone per evaluation
 * example. Counts saturate at {@link Long#MAX_VALUE} rather than wrap.
 *
 * @param parameters       trainable values
 * @param optimizer        the optimizer's name, or null without a train section
 * @param optimizerSlots   values of state the optimizer keeps per parameter
 * @param valuesPerExample the values of one example's inputs and node outputs
 * @param batch            examples per training step (0 without a train section)
 * @param evaluationBatch  examples per evaluation step
 */
public record MemoryEstimate(long parameters, String optimizer, int optimizerSlots, long valuesPerExample, int batch,
                             int evaluationBatch) {
    static final long FLOAT_BYTES = Float.BYTES;
    /** The flat optimizers' staging copies: the parameter and gradient vectors as Java arrays. */
    static final int STAGING_COPIES = 2;

    /** The estimate for a checked graph: its summary rows and its train section (which may be null). */
    public static MemoryEstimate of(List<ModelSummary.Row> rows, TrainSpec train, Registry registry) {
        long parameters = 0, values = 0;
        for (ModelSummary.Row r : rows) {
            parameters = TensorSize.add(parameters, r.parameters());
            if (r.shape() != null) values = TensorSize.add(values, r.shape().size());
        }
        if (train == null || train.optimizer() == null) {
            return new MemoryEstimate(parameters, null, 0, values, train == null ? 0 : train.settings().batch(), Evaluator.BATCH);
        }
        OptimizerProvider provider = registry.optimizers().get(train.optimizer().name());
        int slots = provider == null ? 2 : provider.stateSlots(new Args(train.optimizer().args()));
        return new MemoryEstimate(parameters, train.optimizer().name(), slots, values, train.settings().batch(), Evaluator.BATCH);
    }

    public long parameterBytes() {
        return TensorSize.multiply(parameters, FLOAT_BYTES);
    }

    /** The gradient vector: one value per parameter. */
    public long gradientBytes() {
        return parameterBytes();
    }

    /** The optimizer's state slots and its staging copies, on the Java heap. */
    public long optimizerBytes() {
        return optimizer == null ? 0 : TensorSize.multiply(parameterBytes(), optimizerSlots + STAGING_COPIES);
    }

    /** One training example's outputs and their gradients. */
    public long activationBytesPerExample() {
        return TensorSize.multiply(valuesPerExample, 2 * FLOAT_BYTES);
    }

    public long activationBytesPerBatch() {
        return TensorSize.multiply(activationBytesPerExample(), batch);
    }

    /** Evaluation keeps outputs only, in batches of its own size. */
    public long activationBytesPerEvaluationBatch() {
        return TensorSize.multiply(TensorSize.multiply(valuesPerExample, FLOAT_BYTES), evaluationBatch);
    }

    /** Native (ND4J) memory: parameters, gradients and the activations of a training and an evaluation batch. */
    public long nativeBytes() {
        long sum = TensorSize.add(parameterBytes(), gradientBytes());
        return TensorSize.add(sum, TensorSize.add(activationBytesPerBatch(), activationBytesPerEvaluationBatch()));
    }

    /** Java heap memory: the optimizer's. */
    public long heapBytes() {
        return optimizerBytes();
    }

    public long totalBytes() {
        return TensorSize.add(nativeBytes(), heapBytes());
    }

    /** `512 B`, `436.9 kB`, `1.7 MB`, `26.1 GB`: decimal units, as memory is sold. */
    public static String format(long bytes) {
        if (bytes == Long.MAX_VALUE) return "over 9.2 EB";
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format("%.1f %s", v, units[u]);
    }
}
