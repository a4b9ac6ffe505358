package nn.api.train;

import nn.api.data.Examples;
import nn.api.data.Normalization;
import nn.api.data.Task;
import nn.api.network.Network;
import nn.api.random.Permutations;
import nn.api.runtime.Loss;
import nn.api.runtime.StepMemory;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The network on a split in evaluation mode: the mean loss with the accuracy (classes) or MSE,
 * MAE and R² (values), and the confusion matrix. Evaluation needs no gradients, so it runs in
 * large batches of {@link #BATCH}.
 */
public final class Evaluator {
    /** Examples per evaluation batch. */
    public static final int BATCH = 1000;

    private final Network network;
    private final Loss loss;

    public Evaluator(Network network, Loss loss) {
        this.network = network;
        this.loss = loss;
    }

    /** Loss and accuracy (classes) or MSE, MAE and R² (values) of the network on a split. */
    public Evaluation evaluate(Examples data, Normalization normalization) {
        return evaluate(new BatchFeeder(data, normalization, network.inputShape()));
    }

    /** As {@link #evaluate(Examples, Normalization)}, reusing a feeder's batch arrays epoch after epoch. */
    Evaluation evaluate(BatchFeeder feeder) {
        int n = feeder.size();
        int[] order = Permutations.identity(n);
        int correct = 0;
        double lossSum = 0;
        Examples data = feeder.data();
        boolean classes = data.task() == Task.CLASSES;
        RegressionMetrics.Accumulator values = classes ? null : new RegressionMetrics.Accumulator(data.targetWidth());
        for (int from = 0; from < n; from += BATCH) {
            int size = Math.min(BATCH, n - from);
            BatchFeeder.Batch batch = feeder.batch(order, from, size);
            try (StepMemory scope = StepMemory.open(StepMemory.Purpose.INFERENCE)) { // read out before it closes
                INDArray output = network.forward(batch.input, false);
                lossSum += loss.value(output, batch.target) * size;
                if (classes) {
                    int[] predicted = output.argMax(1).toIntVector();
                    for (int i = 0; i < size; i++) if (predicted[i] == feeder.label(order[from + i])) correct++;
                } else {
                    float[] predicted = output.reshape((long) size * data.targetWidth()).toFloatVector();
                    for (int i = 0; i < size; i++) {
                        for (int j = 0; j < data.targetWidth(); j++) {
                            values.add(j, loss.prediction(predicted[i * data.targetWidth() + j]), data.target(order[from + i], j));
                        }
                        values.example();
                    }
                }
            }
        }
        if (!classes) {
            RegressionMetrics r = values.result(); // 0/1 targets (a binary classifier) also have an accuracy
            return new Evaluation(r.binaryAccuracy(), lossSum / n, 0, n, r);
        }
        return new Evaluation((double) correct / n, lossSum / n, correct, n);
    }

    /** The confusion matrix of the network on a split of classes, in evaluation mode. */
    public static ConfusionMatrix confusion(Network network, Examples data, Normalization normalization) {
        BatchFeeder feeder = new BatchFeeder(data, normalization, network.inputShape());
        ConfusionMatrix matrix = new ConfusionMatrix(data.classes());
        int n = feeder.size();
        int[] order = Permutations.identity(n);
        for (int from = 0; from < n; from += BATCH) {
            int size = Math.min(BATCH, n - from);
            BatchFeeder.Batch batch = feeder.batch(order, from, size);
            int[] predicted;
            try (StepMemory scope = StepMemory.open(StepMemory.Purpose.INFERENCE)) {
                predicted = network.forward(batch.input, false).argMax(1).toIntVector();
            }
            for (int i = 0; i < size; i++) matrix.add(feeder.label(order[from + i]), predicted[i]);
        }
        return matrix;
    }
}
