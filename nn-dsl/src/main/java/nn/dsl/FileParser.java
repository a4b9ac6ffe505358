package nn.dsl;

import nn.dsl.grammar.NnLexer;
import nn.dsl.grammar.NnParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

import java.util.List;

/**
 * Text to parse tree, reporting lexical and syntax errors. Nesting deeper than
 * {@link #MAX_NESTING} brackets is refused before parsing, so that no input can exhaust the
 * parser's stack.
 */
final class FileParser {
    static final int MAX_NESTING = 64;

    private FileParser() {
    }

    /** The lexer's tokens of a text, comments included (on the hidden channel). */
    static List<Token> tokens(String sourceName, String text) {
        NnLexer lexer = new NnLexer(CharStreams.fromString(text, sourceName));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        return tokens.getTokens();
    }

    /** The parse tree, or null when the text has lexical or syntax errors (they are reported). */
    static NnParser.FileContext parse(Source source, Reporter reporter) {
        NnLexer lexer = new NnLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        SyntaxErrors syntax = new SyntaxErrors(reporter, source);
        syntax.reportLexical(tokens.getTokens());
        if (tooDeep(tokens.getTokens(), reporter)) return null;

        NnParser parser = new NnParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(syntax);
        NnParser.FileContext tree = parser.file();
        syntax.checkLineBreaks(tree);
        return syntax.errors() > 0 ? null : tree;
    }

    private static boolean tooDeep(List<Token> tokens, Reporter reporter) {
        int depth = 0;
        for (Token t : tokens) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            switch (t.getType()) {
                case NnLexer.LPAREN, NnLexer.LBRACK, NnLexer.LBRACE -> {
                    if (++depth > MAX_NESTING) {
                        reporter.error(Source.Span.of(t), "brackets nested more than " + MAX_NESTING + " deep",
                                "use blocks or constants to keep the text flat");
                        return true;
                    }
                }
                case NnLexer.RPAREN, NnLexer.RBRACK, NnLexer.RBRACE -> depth = Math.max(0, depth - 1);
                default -> {
                }
            }
        }
        return false;
    }
}
