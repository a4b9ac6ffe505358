package nn.dsl;

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
 * @param source     the file name as the user gave it
 * @param line       1-based line, or 0 for a problem with the whole file (then no excerpt is shown)
 * @param column     1-based column of the first character of the culprit
 * @param length     how many characters the culprit spans on that line (at least 1)
 * @param message    what is wrong
 * @param hint       how to fix it, or null
 * @param sourceLine the text of that line, without its line break (empty when line is 0)
 */
public record Diagnostic(String source, int line, int column, int length, String message, String hint,
                         String sourceLine) {

    public Diagnostic {
        if (sourceLine == null) sourceLine = "";
        if (length < 1) length = 1;
    }

    /** The diagnostic as the user sees it, ending with a line break. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(source).append(':');
        if (line > 0) out.append(line).append(':').append(column).append(':');
        out.append(" error: ").append(message).append('\n');
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
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
