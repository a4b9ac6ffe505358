package nn.cli;

/** Checks shared by command-line options. */
final class Options {
    private Options() {
    }

    static int positive(String option, int value) {
        if (value < 1) throw new UserError(option + " must be at least 1, not " + value);
        return value;
    }
}
