package nn.dsl;

import java.util.List;

/**
 * One problem found in a `.nn` file, with everything needed to show it:
 *
 * <pre>
 * examples/bad.nn:3:27: error: unknown operation 'dense2'
 *     image -> flatten() -> dense2(128)
 *                           ^~~~~~
 *   hint: did you mean 'dense'?
 * </pre>
 *
 * A problem inside a block or an imported file is followed by one `note:` per place that led
 * there (where the block was used, where the file was imported), innermost first.
 *
 * @param source     the file name as the user gave it (or as the import resolved it)
 * @param line       1-based line, or 0 for a problem with the whole file (then no excerpt is shown)
 * @param column     1-based column of the first character of the culprit
 * @param length     how many characters the culprit spans on that line (at least 1)
 * @param message    what is wrong
 * @param hint       how to fix it, or null
 * @param sourceLine the text of that line, without its line break (empty when line is 0)
 * @param severity   error, warning or note; only errors make a compilation fail
 * @param notes      where the problem was reached from, innermost first (notes have none)
 */
public record Diagnostic(String source, int line, int column, int length, String message, String hint,
                         String sourceLine, Severity severity, List<Diagnostic> notes) {

    /** How serious a diagnostic is; the word is what the user sees. */
    public enum Severity {
        ERROR("error"), WARNING("warning"), NOTE("note");

        private final String word;

        Severity(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public Diagnostic {
        if (sourceLine == null) sourceLine = "";
        if (length < 1) length = 1;
        if (severity == null) severity = Severity.ERROR;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** An error with no notes. */
    public Diagnostic(String source, int line, int column, int length, String message, String hint,
                      String sourceLine) {
        this(source, line, column, length, message, hint, sourceLine, Severity.ERROR, List.of());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The diagnostic as the user sees it, notes included, ending with a line break. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(source).append(':');
        if (line > 0) out.append(line).append(':').append(column).append(':');
        out.append(' ').append(severity.word()).append(": ").append(message).append('\n');
        if (line > 0) {
            out.append(sourceLine).append('\n');
            int col = Math.max(1, column);
            // Keep tabs so the caret lines up however the terminal expands them.
            for (int i = 0; i < col - 1; i++) {
                out.append(i < sourceLine.length() && sourceLine.charAt(i) == '\t' ? '\t' : ' ');
            }
            int room = sourceLine.length() - (col - 1);
            int span = Math.max(1, Math.min(length, room));
            out.append('^');
            out.append("~".repeat(span - 1));
            out.append('\n');
        }
        if (hint != null && !hint.isEmpty()) out.append("  hint: ").append(hint).append('\n');
        for (Diagnostic note : notes) out.append(note.format());
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
