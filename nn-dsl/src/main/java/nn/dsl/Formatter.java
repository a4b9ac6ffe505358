package nn.dsl;

import nn.dsl.grammar.NnLexer;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * The canonical layout of a `.nn` file, for `nn fmt`. Only white space changes, so the
 * formatted text has the same tokens, comments and statements, and compiles to the same
 * graph; formatting it again changes nothing. The rules:
 *
 * <ul>
 * <li>four spaces per level of braces; a line inside brackets one level more than the line
 *     that opened them (a closing bracket that starts a line, as much as that line);</li>
 * <li>a line that continues a chain (`-> ...`) lines up under the statement's first `->`;</li>
 * <li>one space around `=` and `->` and after `,` and `:`; none inside brackets, before `(`
 *     of a call, or after a minus sign;</li>
 * <li>comments that end consecutive lines of code line up, two spaces after the longest;</li>
 * <li>the `=` of consecutive train settings line up;</li>
 * <li>at most one blank line in a row, none at the start or end of a file or section, and one
 *     between a closing brace and the next model, block or train section.</li>
 * </ul>
 * Line breaks stay where they are: the formatter does not join or split lines.
 */
public final class Formatter {
    private static final String INDENT = "    ";

    /** One output line: its text, and for a train setting, where its `=` is. */
    private record Line(String text, boolean blank, int settingKeyEnd, int indent, int commentAt) {
        Line(String text, boolean blank, int settingKeyEnd, int indent) {
            this(text, blank, settingKeyEnd, indent, -1);
        }
    }

    private Formatter() {
    }

    /** The formatted text; a file with lexical or syntax errors is refused with them. */
    public static String format(String sourceName, String text) throws CompileException {
        Source source = new Source(sourceName, text);
        Reporter reporter = new Reporter(source);
        if (FileParser.parse(source, reporter) == null) throw new CompileException(reporter.sorted());
        return new Formatter.Run(FileParser.tokens(sourceName, text)).format();
    }

    /** The state of one pass over the tokens. */
    private static final class Run {
        private final List<List<Token>> lines = new ArrayList<>();
        private final List<Line> out = new ArrayList<>();
        private int braces;
        private int brackets;
        /** For each open bracket, the indentation of the line it was opened on. */
        private final java.util.Deque<Integer> bracketIndents = new java.util.ArrayDeque<>();
        private int statementIndent;
        private int arrowColumn = -1;
        private boolean trainOpen;
        private int trainDepth = -1;

        Run(List<Token> tokens) {
            List<Token> line = new ArrayList<>();
            for (Token t : tokens) {
                if (t.getType() == Token.EOF) break;
                if (t.getType() == NnLexer.NL) {
                    lines.add(line);
                    line = new ArrayList<>();
                } else {
                    line.add(t);
                }
            }
            lines.add(line);
        }

        String format() {
            for (List<Token> line : lines) {
                if (line.isEmpty()) {
                    out.add(new Line("", true, -1, 0));
                } else {
                    boolean topLevel = braces == 0 && bracketIndents.isEmpty() && isDeclaration(line.get(0));
                    if (topLevel && !out.isEmpty() && out.get(out.size() - 1).text().equals("}")) {
                        out.add(new Line("", true, -1, 0)); // one blank line between declarations
                    }
                    out.add(line(line));
                }
            }
            return join(alignComments(alignSettings(dropBlanks(out))));
        }

        private Line line(List<Token> tokens) {
            Token first = tokens.get(0);
            boolean commentOnly = tokens.stream().allMatch(t -> t.getChannel() != Token.DEFAULT_CHANNEL);
            int closing = isClosing(first) ? 1 : 0;
            int indent;
            if (!bracketIndents.isEmpty()) {
                indent = bracketIndents.peek() + (isBracketClose(first) ? 0 : INDENT.length());
            } else if (commentOnly) {
                indent = INDENT.length() * braces;
            } else if (first.getType() == NnLexer.ARROW) {
                indent = arrowColumn >= 0 ? arrowColumn : statementIndent + INDENT.length();
                arrowColumn = indent;
            } else {
                indent = INDENT.length() * Math.max(0, braces - (first.getType() == NnLexer.RBRACE ? closing : 0));
                statementIndent = indent;
                arrowColumn = -1;
            }
            boolean setting = trainDepth >= 0 && braces == trainDepth + 1 && brackets == 0 && tokens.size() >= 2
                    && first.getType() == NnLexer.IDENT && tokens.get(1).getType() == NnLexer.ASSIGN;

            StringBuilder text = new StringBuilder(" ".repeat(indent));
            Token previous = null;
            int commentAt = -1;
            for (Token t : tokens) {
                if (previous != null) text.append(space(previous, t));
                if (previous != null && t == tokens.get(tokens.size() - 1) && t.getChannel() != Token.DEFAULT_CHANNEL
                        && !t.getText().contains("\n")) {
                    commentAt = text.length(); // a comment that ends a line of code
                }
                if (t.getType() == NnLexer.ARROW && arrowColumn < 0 && brackets == 0) arrowColumn = text.length();
                text.append(t.getText());
                track(t, indent);
                previous = t;
            }
            return new Line(text.toString(), false, setting ? indent + first.getText().length() : -1, indent,
                    commentAt);
        }

        /** Brace and bracket depth, and whether we are in a train section. */
        private void track(Token t, int lineIndent) {
            switch (t.getType()) {
                case NnLexer.TRAIN -> trainOpen = braces == 0;
                case NnLexer.LBRACE -> {
                    if (trainOpen) {
                        trainDepth = braces;
                        trainOpen = false;
                    }
                    braces++;
                }
                case NnLexer.RBRACE -> {
                    braces = Math.max(0, braces - 1);
                    if (braces == trainDepth) trainDepth = -1;
                }
                case NnLexer.LPAREN, NnLexer.LBRACK -> {
                    brackets++;
                    bracketIndents.push(lineIndent);
                }
                case NnLexer.RPAREN, NnLexer.RBRACK -> {
                    brackets = Math.max(0, brackets - 1);
                    if (!bracketIndents.isEmpty()) bracketIndents.pop();
                }
                default -> {
                }
            }
        }

        private static boolean isDeclaration(Token t) {
            int type = t.getType();
            return type == NnLexer.MODEL || type == NnLexer.BLOCK || type == NnLexer.TRAIN;
        }

        private static boolean isClosing(Token t) {
            return t.getType() == NnLexer.RBRACE;
        }

        private static boolean isBracketClose(Token t) {
            return t.getType() == NnLexer.RPAREN || t.getType() == NnLexer.RBRACK;
        }

        private static String space(Token a, Token b) {
            int x = a.getType();
            int y = b.getType();
            if (b.getChannel() != Token.DEFAULT_CHANNEL) return "  ";
            if (x == NnLexer.LPAREN || x == NnLexer.LBRACK || x == NnLexer.MINUS) return "";
            if (y == NnLexer.RPAREN || y == NnLexer.RBRACK || y == NnLexer.COMMA || y == NnLexer.COLON) return "";
            if (y == NnLexer.LPAREN && x == NnLexer.IDENT) return "";
            return " ";
        }

        /** No blank line at the start or end, after an opening brace, before a closing one, or twice in a row. */
        private static List<Line> dropBlanks(List<Line> lines) {
            List<Line> kept = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                if (!l.blank()) {
                    kept.add(l);
                    continue;
                }
                if (kept.isEmpty() || kept.get(kept.size() - 1).blank() || kept.get(kept.size() - 1).text().endsWith("{")) {
                    continue;
                }
                Line next = null;
                for (int j = i + 1; j < lines.size() && next == null; j++) if (!lines.get(j).blank()) next = lines.get(j);
                if (next == null || next.text().stripLeading().startsWith("}")) continue;
                kept.add(l);
            }
            return kept;
        }

        /** Consecutive train settings get their `=` in one column. */
        private static List<Line> alignSettings(List<Line> lines) {
            // Runs before comments are aligned: a setting's comment position moves with its value.
            List<Line> result = new ArrayList<>(lines);
            int i = 0;
            while (i < result.size()) {
                if (result.get(i).settingKeyEnd() < 0) {
                    i++;
                    continue;
                }
                int j = i;
                int column = 0;
                while (j < result.size() && result.get(j).settingKeyEnd() >= 0) {
                    column = Math.max(column, result.get(j).settingKeyEnd());
                    j++;
                }
                for (int k = i; k < j; k++) {
                    Line l = result.get(k);
                    String key = l.text().substring(0, l.settingKeyEnd());
                    String rest = l.text().substring(l.settingKeyEnd()).stripLeading();
                    String text = key + " ".repeat(column - l.settingKeyEnd() + 1) + rest;
                    int commentAt = l.commentAt() < 0 ? -1 : l.commentAt() + text.length() - l.text().length();
                    result.set(k, new Line(text, false, l.settingKeyEnd(), l.indent(), commentAt));
                }
                i = j;
            }
            return result;
        }

        /** Comments that end consecutive lines of code start in one column, two spaces after the longest code. */
        private static List<Line> alignComments(List<Line> lines) {
            List<Line> result = new ArrayList<>(lines);
            int i = 0;
            while (i < result.size()) {
                if (result.get(i).commentAt() < 0) {
                    i++;
                    continue;
                }
                int j = i;
                int column = 0;
                while (j < result.size() && result.get(j).commentAt() >= 0) {
                    column = Math.max(column, code(result.get(j)).length() + 2);
                    j++;
                }
                for (int k = i; k < j; k++) {
                    Line l = result.get(k);
                    String code = code(l);
                    String text = code + " ".repeat(column - code.length()) + l.text().substring(l.commentAt());
                    result.set(k, new Line(text, false, l.settingKeyEnd(), l.indent(), column));
                }
                i = j;
            }
            return result;
        }

        private static String code(Line l) {
            return l.text().substring(0, l.commentAt()).stripTrailing();
        }

        private static String join(List<Line> lines) {
            StringBuilder s = new StringBuilder();
            for (Line l : lines) s.append(l.text().stripTrailing()).append('\n');
            return s.toString();
        }
    }
}
