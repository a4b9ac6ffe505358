package nn.lsp;

import nn.dsl.SourceIndex;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Between the compiler's places (1-based lines and columns) and the protocol's (0-based).
 * Columns are counted in characters on both sides, which agree for the ASCII that `.nn`
 * names and keywords are made of.
 */
final class Positions {
    private Positions() {
    }

    static Range range(SourceIndex.Span s) {
        return new Range(new Position(s.line() - 1, s.column() - 1), new Position(s.endLine() - 1, s.endColumn() - 1));
    }

    /** 1-based line of a protocol position. */
    static int line(Position p) {
        return p.getLine() + 1;
    }

    /** 1-based column of a protocol position. */
    static int column(Position p) {
        return p.getCharacter() + 1;
    }

    /** The offset of a position in a text (clamped to the text). */
    static int offset(String text, Position p) {
        int line = 0;
        int i = 0;
        while (line < p.getLine() && i < text.length()) {
            char c = text.charAt(i++);
            if (c == '\n') line++;
            else if (c == '\r') {
                if (i < text.length() && text.charAt(i) == '\n') i++;
                line++;
            }
        }
        int end = i;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
        return Math.min(i + p.getCharacter(), end);
    }

    /** A range covering a whole text. */
    static Range whole(String text) {
        int lines = 0;
        int lastStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                lines++;
                lastStart = i + 1;
            }
        }
        return new Range(new Position(0, 0), new Position(lines, text.length() - lastStart));
    }
}
