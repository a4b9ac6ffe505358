package nn.serve;

import java.util.List;

/**
 * A few test images of the model's data set with their true class, for the page's strip.
 * Empty when the data set cannot be read here.
 */
public record TestExamples(List<byte[]> pixels, List<Integer> labels) {
    public static final TestExamples NONE = new TestExamples(List.of(), List.of());

    public TestExamples {
        if (pixels.size() != labels.size()) throw new IllegalArgumentException("one label per image");
        pixels = List.copyOf(pixels);
        labels = List.copyOf(labels);
    }
}
