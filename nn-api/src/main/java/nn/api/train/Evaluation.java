package nn.api.train;

/** Accuracy and mean loss over a data split. */
public record Evaluation(double accuracy, double loss, int correct, int count) {
}
