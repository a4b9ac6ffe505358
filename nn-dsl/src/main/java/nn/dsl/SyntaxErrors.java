package nn.dsl;

import nn.dsl.grammar.NnLexer;
import nn.dsl.grammar.NnParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns ANTLR's recognition errors into messages a person reads: `expected ')' but found
 * 'relu'` rather than token-set dumps. Recovery is ANTLR's (single-token insertion and
 * deletion, then resynchronisation), adjusted for a language of lines: a broken statement
 * costs its line, not its section, so several syntax errors are reported in one run.
 * Lexical problems (a stray character, a string or comment left open) are reported from the
 * token stream, and a syntax error on a line that already has one is not reported again.
 */
final class SyntaxErrors extends DefaultErrorStrategy {
    private static final Vocabulary VOCABULARY = NnLexer.VOCABULARY;

    private final Reporter reporter;
    private final Source source;
    private int errors;
    private final List<Integer> errorLines = new ArrayList<>();
    private boolean openComment;
    private boolean deleting;

    SyntaxErrors(Reporter reporter, Source source) {
        this.reporter = reporter;
        this.source = source;
    }

    /** How many lexical and syntax errors were reported. */
    int errors() {
        return errors;
    }

    // ------------------------------------------------------------ lexical problems

    /** Reports the malformed tokens the lexer made. */
    void reportLexical(List<Token> tokens) {
        for (Token t : tokens) {
            switch (t.getType()) {
                case NnLexer.ERROR_CHAR -> lexical(t, unexpectedCharacter(t.getText()), characterHint(t.getText()));
                case NnLexer.STRING -> {
                    if (!isClosed(t.getText())) lexical(t, "unterminated string", "close it with '\"' on the same line");
                }
                case NnLexer.UNTERMINATED_COMMENT -> {
                    lexical(new Source.Span(source.name(), t.getLine(), t.getCharPositionInLine() + 1, 2),
                            "unterminated comment", "close it with '*/'");
                    openComment = true; // what the parser misses at the end is inside it
                }
                default -> {
                }
            }
        }
    }

    /** Whether a string token has its closing quote (an unclosed one is lexed as a string too). */
    static boolean isClosed(String text) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') i++;
            else if (c == '"') return i == text.length() - 1;
        }
        return false;
    }

    private void lexical(Token t, String message, String hint) {
        lexical(Source.Span.of(t), message, hint);
    }

    private void lexical(Source.Span at, String message, String hint) {
        reporter.error(at, message, hint);
        errors++;
        errorLines.add(at.line());
    }

    private static String unexpectedCharacter(String c) {
        return "unexpected character '" + c + "'";
    }

    private static String characterHint(String c) {
        return switch (c) {
            case ">" -> "a chain is written with '->'";
            case "'" -> "strings are written in double quotes: \"...\"";
            case "#" -> "comments start with '//'";
            case ";" -> "statements end at the end of the line; no ';' is needed";
            default -> null;
        };
    }

    // ------------------------------------------------------------ syntax errors

    /** One statement per line: the grammar lets a statement follow another, this reports it. */
    void checkLineBreaks(NnParser.FileContext file) {
        for (NnParser.DeclarationContext d : file.declaration()) {
            List<? extends ParserRuleContext> statements = d.model() != null ? d.model().statement()
                    : d.block() != null ? d.block().statement()
                    : d.train() != null ? d.train().setting() : List.of();
            for (int i = 1; i < statements.size(); i++) {
                Token end = statements.get(i - 1).getStop();
                Token next = statements.get(i).getStart();
                if (end != null && next != null && next.getLine() == end.getLine()
                        && next.getTokenIndex() > end.getTokenIndex()) {
                    report(next, "expected end of line but found " + describe(next), "one statement per line");
                }
            }
        }
    }

    /**
     * Between statements (of a model or train section, or between declarations), something
     * that is not a line break is reported and skipped up to the end of its line, so parsing
     * goes on with the next statement. ANTLR's own sync would give up the whole section.
     */
    @Override
    public void sync(Parser parser) throws RecognitionException {
        if (!inStatementList(parser) || inErrorRecoveryMode(parser)) {
            super.sync(parser);
            return;
        }
        ATNState state = parser.getInterpreter().atn.states.get(parser.getState());
        IntervalSet next = parser.getATN().nextTokens(state);
        int la = parser.getInputStream().LA(1);
        if (next.contains(la) || next.contains(Token.EPSILON)) {
            super.sync(parser);
            return;
        }
        beginErrorCondition(parser);
        Token found = parser.getCurrentToken();
        Token before = parser.getInputStream().LT(-1);
        ParserRuleContext ctx = parser.getContext();
        String expected;
        if (before != null && before.getLine() == found.getLine()
                && before.getType() != NnLexer.NL && before.getType() != NnLexer.LBRACE) {
            expected = "end of line";
        } else {
            expected = ctx instanceof NnParser.ModelContext || ctx instanceof NnParser.BlockContext ? "a statement"
                    : ctx instanceof NnParser.TrainContext ? "a setting such as 'epochs = 10'"
                    : "'model', 'block', 'train', 'let' or 'import'";
        }
        if (found.getType() == NnLexer.LBRACK && before != null && before.getType() == NnLexer.IDENT
                && parser.getInputStream().LT(-2) != null && parser.getInputStream().LT(-2).getType() == NnLexer.INPUT) {
            expected = "':'"; // input image [1, 28, 28]
        }
        report(found, "expected " + expected + " but found " + describe(found), keywordHint(found, next));
        IntervalSet stop = IntervalSet.of(NnLexer.NL);
        stop.add(Token.EOF);
        if (!(ctx instanceof NnParser.FileContext)) stop.add(NnLexer.RBRACE);
        consumeUntil(parser, stop);
    }

    private static boolean inStatementList(Parser parser) {
        ParserRuleContext ctx = parser.getContext();
        // A block is a statement list only past its header: `block b(x y)` is not a broken statement.
        if (ctx instanceof NnParser.BlockContext b) return b.LBRACE() != null;
        return ctx instanceof NnParser.ModelContext || ctx instanceof NnParser.TrainContext
                || ctx instanceof NnParser.FileContext;
    }

    /**
     * Never recovers by deleting a line break: statements end there, and deleting one glues
     * the next line onto a broken statement (`batch =` would take `epochs` as its value).
     * Nor by deleting the token before one, which "fits" almost everywhere.
     */
    @Override
    protected Token singleTokenDeletion(Parser parser) {
        if (parser.getInputStream().LA(1) == NnLexer.NL || parser.getInputStream().LA(2) == NnLexer.NL) return null;
        deleting = true;
        try {
            return super.singleTokenDeletion(parser);
        } finally {
            deleting = false;
        }
    }

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        Token found = e.getOffendingToken();
        if (e.getStartToken() == found || onlyLineBreaksBefore(parser, e.getStartToken(), found)) {
            // What was expected where the decision began still holds, line breaks aside.
            IntervalSet expected = e.getExpectedTokens();
            if (e.getStartToken() != found) expected = expected.subtract(IntervalSet.of(NnLexer.NL));
            report(parser, found, expected);
        } else {
            report(found, "unexpected " + describe(found), null);
        }
    }

    private static boolean onlyLineBreaksBefore(Parser parser, Token start, Token found) {
        for (int i = start.getTokenIndex(); i < found.getTokenIndex(); i++) {
            Token t = parser.getInputStream().get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != NnLexer.NL) return false;
        }
        return true;
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        report(parser, e.getOffendingToken(), e.getExpectedTokens());
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) return;
        beginErrorCondition(parser);
        Token found = parser.getCurrentToken();
        if (deleting) {
            // One token too many, and what follows it fits: name just that token.
            report(found, "unexpected " + describe(found), keywordHint(found, getExpectedTokens(parser)));
        } else {
            report(parser, found, getExpectedTokens(parser));
        }
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) return;
        beginErrorCondition(parser);
        report(parser, parser.getCurrentToken(), getExpectedTokens(parser));
    }

    @Override
    protected void reportFailedPredicate(Parser parser, org.antlr.v4.runtime.FailedPredicateException e) {
        report(e.getOffendingToken(), "unexpected " + describe(e.getOffendingToken()), null);
    }

    @Override
    public void reportError(Parser parser, RecognitionException e) {
        if (inErrorRecoveryMode(parser)) return;
        beginErrorCondition(parser);
        if (e instanceof NoViableAltException n) reportNoViableAlternative(parser, n);
        else if (e instanceof InputMismatchException m) reportInputMismatch(parser, m);
        else report(e.getOffendingToken(), "unexpected " + describe(e.getOffendingToken()), null);
    }

    private void report(Parser parser, Token found, IntervalSet expected) {
        report(lineBreaksBefore(parser, found, expected), expected);
    }

    /**
     * Inside brackets line breaks are skipped, so a missing `)` is noticed only on a later
     * line; point at the end of the line where the bracket should have been closed.
     */
    private static Token lineBreaksBefore(Parser parser, Token found, IntervalSet expected) {
        if (expected == null || !(expected.contains(NnLexer.RPAREN) || expected.contains(NnLexer.RBRACK))) return found;
        Token first = found;
        for (int i = found.getTokenIndex() - 1; i >= 0; i--) {
            Token t = parser.getInputStream().get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            if (t.getType() != NnLexer.NL) break;
            first = t;
        }
        return first;
    }

    private void report(Token found, IntervalSet expected) {
        String what = expected == null ? null : describe(expected);
        report(found, what == null ? "unexpected " + describe(found)
                : "expected " + what + " but found " + describe(found), keywordHint(found, expected));
    }

    private static String keywordHint(Token found, IntervalSet expected) {
        if (expected != null && expected.contains(NnLexer.IDENT) && isKeyword(found.getType())) {
            return "'" + found.getText() + "' is a reserved word and cannot be used as a name";
        }
        return null;
    }

    /** Reports a syntax error, unless its line has one already (the second is mostly an echo). */
    private void report(Token found, String message, String hint) {
        if (found.getType() == Token.EOF && openComment) return;
        Source.Span at = found.getType() == Token.EOF ? endOfText() : Source.Span.of(found);
        if (errorLines.contains(at.line())) return;
        errorLines.add(at.line());
        errors++;
        reporter.error(at, message, hint);
    }

    /** Just after the last character that is not white space: where "end of file" is best shown. */
    private Source.Span endOfText() {
        String text = source.text();
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) end--;
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new Source.Span(source.name(), line, end - lineStart + 1, 1);
    }

    // ------------------------------------------------------------ words for tokens

    static boolean isKeyword(int type) {
        return type >= NnLexer.MODEL && type <= NnLexer.LET;
    }

    /** A found token: `'relu'`, `end of line`, `end of file`. */
    static String describe(Token t) {
        return switch (t.getType()) {
            case Token.EOF -> "end of file";
            case NnLexer.NL -> "end of line";
            default -> "'" + t.getText() + "'";
        };
    }

    /** An expected set: `')'`, `',' or ')'`, `a value or ']'`; null when it is too long to help. */
    static String describe(IntervalSet expected) {
        List<Integer> types = new ArrayList<>(expected.toList());
        List<String> words = new ArrayList<>();
        if (types.contains(NnLexer.INT) && types.contains(NnLexer.STRING) && types.contains(NnLexer.LBRACK)) {
            words.add("a value");
            types.removeAll(List.of(NnLexer.INT, NnLexer.FLOAT, NnLexer.STRING, NnLexer.LBRACK, NnLexer.MINUS,
                    NnLexer.TRUE, NnLexer.FALSE, NnLexer.IDENT));
        } else if (types.contains(NnLexer.INT) && types.contains(NnLexer.FLOAT)) {
            words.add("a number");
            types.removeAll(List.of(NnLexer.INT, NnLexer.FLOAT));
        }
        // After '->': a call, a repeat or a name; all start with a word or 'repeat'.
        if (types.contains(NnLexer.IDENT) && types.contains(NnLexer.REPEAT)) {
            types.remove(Integer.valueOf(NnLexer.REPEAT));
            types.remove(Integer.valueOf(NnLexer.IDENT));
            words.add("an operation or a name");
        }
        // Inside brackets a line break is only white space: not worth naming.
        if (types.contains(NnLexer.NL) && types.size() > 1
                && (types.contains(NnLexer.RPAREN) || types.contains(NnLexer.RBRACK))) {
            types.remove(Integer.valueOf(NnLexer.NL));
        }
        for (int type : types) words.add(describeType(type));
        if (words.isEmpty() || words.size() > 5) return null;
        if (words.size() == 1) return words.get(0);
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static String describeType(int type) {
        return switch (type) {
            case Token.EOF -> "end of file";
            case NnLexer.NL -> "end of line";
            case NnLexer.IDENT -> "a name";
            case NnLexer.INT -> "an integer";
            case NnLexer.FLOAT -> "a number";
            case NnLexer.STRING -> "a string";
            default -> {
                String literal = VOCABULARY.getLiteralName(type);
                yield literal != null ? literal : VOCABULARY.getDisplayName(type);
            }
        };
    }
}
