package nn.dsl;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/** The text of one file being compiled, split into lines, and the place where diagnostics about it are made. */
final class Source {

    /**
     * Where a problem lies: the file (null: the file being compiled), 1-based line and column,
     * and a length in characters (line 0: the whole file).
     */
    record Span(String source, int line, int column, int length) {
        static final Span FILE = new Span(null, 0, 0, 0);

        Span(int line, int column, int length) {
            this(null, line, column, length);
        }

        static Span of(Token token) {
            int length = token.getType() == Token.EOF ? 1 : token.getStopIndex() - token.getStartIndex() + 1;
            return new Span(sourceOf(token), token.getLine(), token.getCharPositionInLine() + 1, length);
        }

        /** From the first to the last token of a construct; to the end of the line if it spans several. */
        static Span of(ParserRuleContext ctx) {
            Token start = ctx.getStart();
            Token stop = ctx.getStop();
            if (stop == null || stop.getType() == Token.EOF || stop.getStopIndex() < start.getStartIndex()) {
                return of(start);
            }
            int length = stop.getLine() == start.getLine()
                    ? stop.getStopIndex() - start.getStartIndex() + 1
                    : Integer.MAX_VALUE;
            return new Span(sourceOf(start), start.getLine(), start.getCharPositionInLine() + 1, length);
        }

        /** The whole of another file. */
        static Span file(String source) {
            return new Span(source, 0, 0, 0);
        }

        private static String sourceOf(Token token) {
            return token.getInputStream() != null ? token.getInputStream().getSourceName() : null;
        }
    }

    private final String name;
    private final String text;
    private final List<String> lines;

    Source(String name, String text) {
        this.name = name;
        this.text = text;
        this.lines = splitLines(text);
    }

    String name() {
        return name;
    }

    String text() {
        return text;
    }

    /** The text of a 1-based line without its line break; empty past the end. */
    String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }

    Diagnostic diagnostic(Span at, Diagnostic.Severity severity, String message, String hint, List<Diagnostic> notes) {
        if (at.line() <= 0) return new Diagnostic(name, 0, 0, 1, message, hint, "", severity, notes);
        return new Diagnostic(name, at.line(), at.column(), at.length(), message, hint, line(at.line()), severity,
                notes);
    }

    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines;
    }
}
