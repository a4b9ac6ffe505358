package nn.api.inference;

/** An input a model cannot take; the message says what was expected (shape, type, range). */
public class InvalidInput extends IllegalArgumentException {
    public InvalidInput(String message) {
        super(message);
    }

    /** An input larger than allowed (an image's declared size), told apart so servers can answer 413. */
    public static final class TooLarge extends InvalidInput {
        public TooLarge(String message) {
            super(message);
        }
    }
}
