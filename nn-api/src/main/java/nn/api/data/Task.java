package nn.api.data;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a model's target is: a class out of a fixed set (accuracy, a confusion matrix) or one or
 * more numbers (regression: MSE, MAE, R²). Decides the metrics and which losses fit.
 */
public enum Task {
    CLASSES("classes"),
    VALUES("values");

    private final String word;

    Task(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Task of(String word) {
        for (Task t : values()) if (t.word.equals(word)) return t;
        throw new IllegalArgumentException("unknown task '" + word + "' (classes or values)");
    }
}
