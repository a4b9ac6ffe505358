package nn.lsp;

import nn.dsl.grammar.NnLexer;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Where the cursor is, read from the tokens before it (the text need not parse): the word
 * being typed, the innermost call whose parentheses are open, the argument the cursor is in,
 * and the section (model, block, train, file) around it.
 */
record CursorContext(String prefix, String call, int argument, String namedArgument, String valueOf,
                     Section section, String previous) {

    enum Section { FILE, MODEL, BLOCK, TRAIN }

    /**
     * @param prefix        the part of a name before the cursor ("" if none)
     * @param call          the innermost open call's name, or null
     * @param argument      which argument of it the cursor is in (0-based)
     * @param namedArgument the name of that argument when written `name = ...`, else null
     * @param valueOf       the parameter or train key whose value is being typed (`lr = |`), else null
     * @param section       the section around the cursor
     * @param previous      the token before the word being typed ("" at the start of the file)
     */
    static CursorContext at(String text, int offset) {
        NnLexer lexer = new NnLexer(CharStreams.fromString(text.substring(0, Math.min(offset, text.length()))));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        for (Token t : lexer.getAllTokens()) if (t.getChannel() == Token.DEFAULT_CHANNEL) tokens.add(t);

        String prefix = "";
        int end = tokens.size();
        if (end > 0) {
            Token last = tokens.get(end - 1);
            boolean touching = last.getStopIndex() + 1 == offset;
            if (touching && (last.getType() == NnLexer.IDENT || isKeyword(last.getType()))) {
                prefix = last.getText();
                end--;
            }
        }
        // The brackets still open at the cursor, innermost last.
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < end; i++) {
            int type = tokens.get(i).getType();
            if (type == NnLexer.LPAREN || type == NnLexer.LBRACK || type == NnLexer.LBRACE) open.push(i);
            // A closing brace also closes whatever was left open inside it (a call being typed).
            if (type == NnLexer.RBRACE) {
                while (!open.isEmpty() && tokens.get(open.pop()).getType() != NnLexer.LBRACE) {
                    // discard
                }
            }
            if (type == NnLexer.RPAREN && !open.isEmpty() && tokens.get(open.peek()).getType() == NnLexer.LPAREN) open.pop();
            if (type == NnLexer.RBRACK && !open.isEmpty() && tokens.get(open.peek()).getType() == NnLexer.LBRACK) open.pop();
        }
        String call = null;
        int argument = 0;
        String named = null;
        Integer paren = null;
        for (int i : open) {
            if (tokens.get(i).getType() == NnLexer.LBRACE) break;
            if (tokens.get(i).getType() == NnLexer.LPAREN) {
                paren = i;
                break;
            }
        }
        if (paren != null && paren > 0 && tokens.get(paren - 1).getType() == NnLexer.IDENT) {
            call = tokens.get(paren - 1).getText();
            int depth = 0;
            int argStart = paren + 1;
            for (int i = paren + 1; i < end; i++) {
                int type = tokens.get(i).getType();
                if (type == NnLexer.LPAREN || type == NnLexer.LBRACK) depth++;
                if (type == NnLexer.RPAREN || type == NnLexer.RBRACK) depth--;
                if (type == NnLexer.COMMA && depth == 0) {
                    argument++;
                    argStart = i + 1;
                }
            }
            while (argStart < end && tokens.get(argStart).getType() == NnLexer.NL) argStart++;
            if (argStart + 1 < end && tokens.get(argStart).getType() == NnLexer.IDENT
                    && tokens.get(argStart + 1).getType() == NnLexer.ASSIGN) {
                named = tokens.get(argStart).getText();
            }
        }
        Token previous = end > 0 ? tokens.get(end - 1) : null;
        String valueOf = null;
        if (previous != null && previous.getType() == NnLexer.ASSIGN && end >= 2 && tokens.get(end - 2).getType() == NnLexer.IDENT) {
            valueOf = tokens.get(end - 2).getText();
        }
        return new CursorContext(prefix, call, argument, named, valueOf, section(tokens, open),
                previous == null ? "" : previous.getText());
    }

    /** The section of the outermost open brace: what its declaration starts with. */
    private static Section section(List<Token> tokens, Deque<Integer> open) {
        Integer outer = null;
        for (int i : open) if (tokens.get(i).getType() == NnLexer.LBRACE) outer = i;
        if (outer == null) return Section.FILE;
        for (int i = outer - 1; i >= 0; i--) {
            int type = tokens.get(i).getType();
            if (type == NnLexer.TRAIN) return Section.TRAIN;
            if (type == NnLexer.MODEL) return Section.MODEL;
            if (type == NnLexer.BLOCK) return Section.BLOCK;
            if (type == NnLexer.NL || type == NnLexer.RBRACE) break;
        }
        return Section.FILE;
    }

    private static boolean isKeyword(int type) {
        return type >= NnLexer.MODEL && type <= NnLexer.LET;
    }
}
