package nn.cli;

/** The exit codes of every nn command: 0 ok, 1 a failure at run time, 2 bad input (README.md, "Commands"). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
