package nn.api.checkpoint;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import nn.api.data.Dataset;
import nn.api.data.Normalization;
import nn.api.data.Standardization;
import nn.api.data.Task;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What a caller must know to use the model without its data set: the input's shape, the
 * preprocessing the training data had (applied again by eval, predict and anything that loads
 * the checkpoint, through {@link nn.api.data.Preprocessing}), the names of the classes, and for
 * tables the task (classes or values), the per-feature standardisation and the column names.
 *
 * <p>Checkpoints written before tables existed lack the last four: they read as an image
 * classifier (task classes, no standardisation, no column names).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSignature(
        @JsonProperty("input_shape") int[] inputShape,
        @JsonProperty("normalization") Normalization normalization,
        @JsonProperty("class_names") List<String> classNames,
        @JsonProperty("task") Task task,
        @JsonProperty("standardization") Standardization standardization,
        @JsonProperty("feature_names") List<String> featureNames,
        @JsonProperty("target_names") List<String> targetNames) {

    public ModelSignature {
        inputShape = inputShape == null ? null : inputShape.clone();
        normalization = normalization == null ? Normalization.NONE : normalization;
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        task = task == null ? Task.CLASSES : task;
        featureNames = featureNames == null ? List.of() : List.copyOf(featureNames);
        targetNames = targetNames == null ? List.of() : List.copyOf(targetNames);
    }

    /** An image classifier's signature. */
    public ModelSignature(int[] inputShape, Normalization normalization, List<String> classNames) {
        this(inputShape, normalization, classNames, Task.CLASSES, null, null, null);
    }

    public static ModelSignature of(int[] inputShape, Dataset data) {
        return new ModelSignature(inputShape, data.normalization(), data.classNames(), data.task(),
                data.standardization(), data.columns().features(), data.columns().targets());
    }

    /** The recorded class names when there are `classes` of them, else "0", "1", .... */
    @JsonIgnore
    public List<String> classNames(int classes) {
        if (classNames.size() == classes) return classNames;
        return IntStream.range(0, classes).mapToObj(String::valueOf).toList();
    }

    /** True for a model trained on a table (its inputs are named feature columns). */
    @JsonIgnore
    public boolean isTable() {
        return standardization != null;
    }
}
