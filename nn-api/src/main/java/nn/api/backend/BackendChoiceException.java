package nn.api.backend;

/**
 * Why {@link BackendSelector} chose no backend. {@link #badInput()} tells a wrong name (the
 * user's mistake: the CLI exits with 2) from a backend that cannot run here (exit code 1).
 */
public final class BackendChoiceException extends RuntimeException {
    private final boolean badInput;

    private BackendChoiceException(String message, boolean badInput) {
        super(message);
        this.badInput = badInput;
    }

    static BackendChoiceException badInput(String message) {
        return new BackendChoiceException(message, true);
    }

    static BackendChoiceException cannotRun(String message) {
        return new BackendChoiceException(message, false);
    }

    /** True when the name itself is wrong, false when the named backend cannot run here. */
    public boolean badInput() {
        return badInput;
    }
}
