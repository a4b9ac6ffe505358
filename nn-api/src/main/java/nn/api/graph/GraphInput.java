package nn.api.graph;

/** A named input of the model and the shape of one example: `input image: [1, 28, 28]`. */
public record GraphInput(String name, Shape shape) {
}
