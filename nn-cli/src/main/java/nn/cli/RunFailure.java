package nn.cli;

/** Something the user asked for cannot run here (a backend, a download): exit code 1. */
public class RunFailure extends RuntimeException {
    public RunFailure(String message) {
        super(message);
    }

    public RunFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
