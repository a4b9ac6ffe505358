package nn.api.train;

import nn.api.data.Examples;
import nn.api.data.Normalization;
import nn.api.inference.Softmax;
import nn.api.network.Network;
import nn.api.internal.kernels.Matrices;
import nn.api.runtime.StepMemory;

import java.util.ArrayList;
import java.util.List;

/**
 * Several classifiers of the same task on one test split: each member's accuracy, and the
 * accuracy of their average class probabilities (softmax of each member's logits). Each member
 * reads the examples with its own normalisation, as it was trained.
 */
public final class EnsembleEvaluation {

    /** One member: its network and the normalisation its training used. */
    public record Member(Network network, Normalization normalization) {
    }

    /** Each member's confusion matrix, in order, and the ensemble's. */
    public record Result(List<ConfusionMatrix> members, ConfusionMatrix ensemble) {
        public Result {
            members = List.copyOf(members);
        }
    }

    private EnsembleEvaluation() {
    }

    public static Result evaluate(List<Member> members, Examples test) {
        int classes = test.classes();
        for (Member m : members) {
            long outputs = m.network().outputShape().size();
            if (outputs != classes) {
                throw new IllegalArgumentException("an ensemble averages one probability per class: a member has "
                        + outputs + " outputs for " + classes + " classes");
            }
        }
        int n = test.count();
        double[][] sum = new double[n][classes];
        List<ConfusionMatrix> each = new ArrayList<>();
        int[] labels = null;
        for (Member m : members) {
            BatchFeeder feeder = new BatchFeeder(test, m.normalization(), m.network().inputShape());
            ConfusionMatrix matrix = new ConfusionMatrix(classes);
            int[] order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            if (labels == null) {
                labels = new int[n];
                for (int i = 0; i < n; i++) labels[i] = feeder.label(i);
            }
            for (int from = 0; from < n; from += Evaluator.BATCH) {
                int size = Math.min(Evaluator.BATCH, n - from);
                BatchFeeder.Batch batch = feeder.batch(order, from, size);
                double[] logits;
                try (StepMemory scope = StepMemory.open(StepMemory.Purpose.INFERENCE)) {
                    logits = Matrices.toArray(m.network().forward(batch.input, false));
                }
                double[][] p = Softmax.rows(logits, size, classes);
                for (int i = 0; i < size; i++) {
                    matrix.add(labels[from + i], Softmax.argmax(p[i]));
                    for (int k = 0; k < classes; k++) sum[from + i][k] += p[i][k];
                }
            }
            each.add(matrix);
        }
        ConfusionMatrix ensemble = new ConfusionMatrix(classes);
        for (int i = 0; i < n; i++) ensemble.add(labels[i], Softmax.argmax(sum[i]));
        return new Result(each, ensemble);
    }
}
