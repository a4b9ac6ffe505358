package nn.api.inference;

import java.util.List;

/** What a model says about one example: a class with every class's probability, or values. */
public sealed interface Prediction permits Prediction.Classification, Prediction.Regression {

    /** The most probable class (index and name) and the softmax probability of every class (summing to 1). */
    record Classification(int classIndex, String className, List<String> classNames, double[] probabilities)
            implements Prediction {
        public Classification {
            classNames = List.copyOf(classNames);
            probabilities = probabilities.clone();
        }

        public double probability() {
            return probabilities[classIndex];
        }
    }

    /** The network's output values as they are. */
    record Regression(double[] values) implements Prediction {
        public Regression {
            values = values.clone();
        }
    }
}
