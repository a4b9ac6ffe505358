package nn.api.graph;

/** A layer cannot accept the shape it is given; the message says what it expected. */
public class ShapeException extends Exception {
    public ShapeException(String message) {
        super(message);
    }
}
