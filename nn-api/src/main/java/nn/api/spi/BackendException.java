package nn.api.spi;

/** A backend that was selected cannot start; the message says why and how to fix it. */
public class BackendException extends RuntimeException {
    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
