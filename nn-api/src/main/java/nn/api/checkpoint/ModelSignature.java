package nn.api.checkpoint;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import nn.api.data.Dataset;
import nn.api.data.Normalization;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What a caller must know to use the model without its data set: the input's shape, the
 * preprocessing the training data had (applied again by eval, predict and anything that loads
 * the checkpoint) and the names of the classes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSignature(
        @JsonProperty("input_shape") int[] inputShape,
        @JsonProperty("normalization") Normalization normalization,
        @JsonProperty("class_names") List<String> classNames) {

    public ModelSignature {
        inputShape = inputShape == null ? null : inputShape.clone();
        normalization = normalization == null ? Normalization.NONE : normalization;
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
    }

    public static ModelSignature of(int[] inputShape, Dataset data) {
        return new ModelSignature(inputShape, data.normalization(), data.classNames());
    }

    /** The recorded class names when there are `classes` of them, else "0", "1", .... */
    @JsonIgnore
    public List<String> classNames(int classes) {
        if (classNames.size() == classes) return classNames;
        return IntStream.range(0, classes).mapToObj(String::valueOf).toList();
    }
}
