package nn.cli;

/** Bad input from the user (a value, a file, a name): exit code 2, one line, no stack trace. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
