package nn.dsl;

import nn.dsl.grammar.NnLexer;
import nn.dsl.grammar.NnParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where each name of one `.nn` text is defined and used, for editors: the models, blocks,
 * constants, imports, inputs, nodes and block parameters, and every mention of a name with
 * the scope it is written in. Built from the parse tree alone, with the parser's error
 * recovery, so a text that does not compile (the usual state of a file being typed) is still
 * indexed as far as it reads. Which names are operations, and the shapes, come from
 * {@link ModelCompiler}; this class only knows what the text says.
 *
 * <p>Scopes: the file ({@link #FILE}: blocks, constants, imports), each model
 * (`model:NAME`: its inputs and nodes), each block (`block:NAME`: its parameters, inputs and
 * nodes) and the train section ({@link #TRAIN}, which sees the first model's nodes). A name
 * is looked up in its own scope, then in the file's.
 */
public final class SourceIndex {
    public static final String FILE = "";
    public static final String TRAIN = "train";

    public enum Kind { MODEL, BLOCK, CONSTANT, IMPORT, INPUT, NODE, PARAMETER, TRAIN, SETTING }

    /** A stretch of text: 1-based lines and columns, the end column exclusive (as in {@link Diagnostic}). */
    public record Span(int line, int column, int endLine, int endColumn) {
        /** True if the position is inside, or just after the end (where a cursor rests after typing a name). */
        public boolean touches(int atLine, int atColumn) {
            if (atLine < line || atLine > endLine) return false;
            if (atLine == line && atColumn < column) return false;
            return atLine != endLine || atColumn <= endColumn;
        }

        static Span of(Token t) {
            int length = Math.max(1, t.getStopIndex() - t.getStartIndex() + 1);
            return new Span(t.getLine(), t.getCharPositionInLine() + 1, t.getLine(), t.getCharPositionInLine() + 1 + length);
        }

        static Span of(ParserRuleContext ctx) {
            Token start = ctx.getStart();
            Token stop = ctx.getStop() == null || ctx.getStop().getType() == Token.EOF ? start : ctx.getStop();
            Span end = of(stop);
            return new Span(start.getLine(), start.getCharPositionInLine() + 1, end.endLine(), end.endColumn());
        }
    }

    /**
     * A name as written: where, in which scope, whether it defines the name there, and
     * whether it is the name of a call (a block or an operation) rather than a value.
     */
    public record Mention(String name, Span at, String scope, boolean definition, boolean call) {
    }

    /**
     * A defined name: its kind, scope, the name's place, the whole declaration's extent and a
     * line that describes it (a constant's value, a block's signature, an import's path).
     */
    public record Symbol(String name, Kind kind, String scope, Span at, Span extent, String detail) {
    }

    private final List<Symbol> symbols = new ArrayList<>();
    private final List<Mention> mentions = new ArrayList<>();
    private final List<Symbol> scopes = new ArrayList<>();
    private String firstModel;

    private SourceIndex() {
    }

    /** Indexes a text; never fails (what does not parse is skipped). */
    public static SourceIndex of(String text) {
        SourceIndex index = new SourceIndex();
        NnLexer lexer = new NnLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        if (tooDeep(tokens.getTokens())) return index;
        NnParser parser = new NnParser(tokens);
        parser.removeErrorListeners();
        try {
            index.file(parser.file());
        } catch (RuntimeException e) {
            // Error recovery can leave a tree the walk does not expect; an index of what was read is enough.
        }
        return index;
    }

    public List<Symbol> symbols() {
        return Collections.unmodifiableList(symbols);
    }

    public List<Mention> mentions() {
        return Collections.unmodifiableList(mentions);
    }

    /** The mention under a position, or null. */
    public Mention mentionAt(int line, int column) {
        for (Mention m : mentions) if (m.at().touches(line, column)) return m;
        return null;
    }

    /** The symbol (import, model, block...) whose name or path is at a position, or null. */
    public Symbol symbolAt(int line, int column) {
        for (Symbol s : symbols) if (s.at().touches(line, column)) return s;
        return null;
    }

    /** The innermost scope around a position: a model's, a block's, the train section's, or the file's. */
    public String scopeAt(int line, int column) {
        for (Symbol s : scopes) if (s.extent().touches(line, column)) return scopeOf(s);
        return FILE;
    }

    /** What a mention stands for in this text, or null (an operation, a name from an import, a mistake). */
    public Symbol resolve(Mention m) {
        for (String scope : lookup(m.scope())) {
            for (Symbol s : symbols) {
                if (!s.scope().equals(scope) || !s.name().equals(m.name())) continue;
                boolean callable = s.kind() == Kind.BLOCK;
                if (callable == m.call()) return s;
            }
        }
        return null;
    }

    /** Every mention of a symbol: its definition and its uses, in text order. */
    public List<Mention> occurrences(Symbol symbol) {
        List<Mention> out = new ArrayList<>();
        for (Mention m : mentions) if (symbol.equals(resolve(m))) out.add(m);
        return out;
    }

    /** The names a value may refer to at a position: nodes, inputs and parameters in scope, then constants. */
    public List<Symbol> visibleAt(int line, int column) {
        List<Symbol> out = new ArrayList<>();
        for (String scope : lookup(scopeAt(line, column))) {
            for (Symbol s : symbols) {
                if (s.scope().equals(scope) && s.kind() != Kind.IMPORT && s.kind() != Kind.MODEL
                        && s.kind() != Kind.TRAIN && s.kind() != Kind.SETTING) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** The scopes a name written in `scope` is looked up in, innermost first. */
    private List<String> lookup(String scope) {
        if (scope.equals(FILE)) return List.of(FILE);
        if (scope.equals(TRAIN)) return firstModel == null ? List.of(FILE) : List.of(firstModel, FILE);
        return List.of(scope, FILE);
    }

    private static String scopeOf(Symbol s) {
        return switch (s.kind()) {
            case MODEL -> "model:" + s.name();
            case BLOCK -> "block:" + s.name();
            default -> TRAIN;
        };
    }

    // ------------------------------------------------------------------ the walk

    private void file(NnParser.FileContext file) {
        for (NnParser.DeclarationContext d : file.declaration()) {
            if (d.importDecl() != null && d.importDecl().path != null) {
                Token path = d.importDecl().path;
                String written = path.getText().replaceAll("^\"|\"$", "");
                symbols.add(new Symbol(written, Kind.IMPORT, FILE, Span.of(path), Span.of(d.importDecl()), written));
            }
            if (d.letDecl() != null) let(d.letDecl());
            if (d.block() != null) block(d.block());
            if (d.model() != null) model(d.model());
            if (d.train() != null) train(d.train());
        }
    }

    private void let(NnParser.LetDeclContext let) {
        if (missing(let.name)) return;
        String value = let.value() == null ? "" : let.value().getText();
        define(let.name, Kind.CONSTANT, FILE, Span.of(let), "let " + let.name.getText() + " = " + value, false);
        if (let.value() != null) value(let.value(), FILE);
    }

    private void block(NnParser.BlockContext b) {
        if (missing(b.name)) return;
        String scope = "block:" + b.name.getText();
        List<String> params = new ArrayList<>();
        for (NnParser.BlockParamContext p : b.blockParam()) {
            if (missing(p.name)) continue;
            params.add(p.value() == null ? p.name.getText() : p.name.getText() + " = " + p.value().getText());
        }
        Symbol block = define(b.name, Kind.BLOCK, FILE, Span.of(b), b.name.getText() + "(" + String.join(", ", params) + ")", true);
        scopes.add(0, block);
        for (NnParser.BlockParamContext p : b.blockParam()) {
            if (missing(p.name)) continue;
            define(p.name, Kind.PARAMETER, scope, Span.of(p), p.getText(), false);
            if (p.value() != null) value(p.value(), FILE);
        }
        for (NnParser.StatementContext s : b.statement()) statement(s, scope);
    }

    private void model(NnParser.ModelContext m) {
        if (missing(m.name)) return;
        String scope = "model:" + m.name.getText();
        if (firstModel == null) firstModel = scope;
        scopes.add(0, new Symbol(m.name.getText(), Kind.MODEL, FILE, Span.of(m.name), Span.of(m), "model " + m.name.getText()));
        symbols.add(scopes.get(0));
        for (NnParser.StatementContext s : m.statement()) statement(s, scope);
    }

    private void train(NnParser.TrainContext t) {
        Symbol train = new Symbol("train", Kind.TRAIN, FILE, Span.of(t.getStart()), Span.of(t), "train");
        scopes.add(train);
        symbols.add(train);
        for (NnParser.SettingContext s : t.setting()) {
            if (!missing(s.key)) {
                symbols.add(new Symbol(s.key.getText(), Kind.SETTING, TRAIN, Span.of(s.key), Span.of(s), s.getText()));
            }
            if (s.value() != null) value(s.value(), TRAIN);
        }
    }

    private void statement(NnParser.StatementContext s, String scope) {
        if (s.inputDecl() != null && !missing(s.inputDecl().name)) {
            NnParser.InputDeclContext in = s.inputDecl();
            define(in.name, Kind.INPUT, scope, Span.of(in), in.shape == null ? "input " + in.name.getText()
                    : "input " + in.name.getText() + ": " + in.shape.getText(), false);
        }
        if (s.outputDecl() != null) {
            for (TerminalNode id : s.outputDecl().IDENT()) use(id.getSymbol(), scope, false);
        }
        if (s.assignment() != null) {
            NnParser.AssignmentContext a = s.assignment();
            if (!missing(a.name)) define(a.name, Kind.NODE, scope, Span.of(a), a.name.getText(), false);
            if (a.chain() != null) chain(a.chain(), scope);
        }
        if (s.chain() != null) chain(s.chain(), scope);
    }

    private void chain(NnParser.ChainContext c, String scope) {
        if (c.head() instanceof NnParser.CallHeadContext h) call(h.call(), scope);
        if (c.head() instanceof NnParser.NameHeadContext h) use(h.IDENT().getSymbol(), scope, false);
        for (NnParser.StepContext step : c.step()) step(step, scope);
    }

    private void step(NnParser.StepContext step, String scope) {
        if (step instanceof NnParser.CallStepContext cs) call(cs.call(), scope);
        if (step instanceof NnParser.RepeatStepContext rs) {
            if (rs.count != null) value(rs.count, scope);
            for (NnParser.StepContext inner : rs.step()) step(inner, scope);
        }
        if (step instanceof NnParser.NameStepContext ns) {
            // A bare name at the end of a chain names the node before it: the first such place defines it.
            Token name = ns.IDENT().getSymbol();
            if (definedIn(scope, name.getText())) use(name, scope, false);
            else define(name, Kind.NODE, scope, Span.of(name), name.getText(), false);
        }
    }

    private void call(NnParser.CallContext call, String scope) {
        if (call == null || missing(call.name)) return;
        use(call.name, scope, true);
        for (NnParser.ArgumentContext a : call.argument()) if (a.value() != null) value(a.value(), scope);
    }

    private void value(NnParser.ValueContext v, String scope) {
        if (v instanceof NnParser.CallValueContext cv) call(cv.call(), scope);
        if (v instanceof NnParser.NameValueContext nv) use(nv.IDENT().getSymbol(), scope, false);
        if (v instanceof NnParser.ListValueContext lv) for (NnParser.ValueContext e : lv.list().value()) value(e, scope);
    }

    private boolean definedIn(String scope, String name) {
        for (Symbol s : symbols) if (s.scope().equals(scope) && s.name().equals(name)) return true;
        return false;
    }

    private Symbol define(Token name, Kind kind, String scope, Span extent, String detail, boolean call) {
        Symbol s = new Symbol(name.getText(), kind, scope, Span.of(name), extent, detail);
        symbols.add(s);
        mentions.add(new Mention(name.getText(), s.at(), scope, true, call));
        return s;
    }

    private void use(Token name, String scope, boolean call) {
        if (!missing(name)) mentions.add(new Mention(name.getText(), Span.of(name), scope, false, call));
    }

    /** Error recovery makes up tokens that are not in the text. */
    private static boolean missing(Token t) {
        return t == null || t.getStartIndex() < 0 || t.getStopIndex() < t.getStartIndex() || t.getType() == Token.EOF;
    }

    private static boolean tooDeep(List<Token> tokens) {
        int depth = 0;
        for (Token t : tokens) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            switch (t.getType()) {
                case NnLexer.LPAREN, NnLexer.LBRACK, NnLexer.LBRACE -> {
                    if (++depth > FileParser.MAX_NESTING) return true;
                }
                case NnLexer.RPAREN, NnLexer.RBRACK, NnLexer.RBRACE -> depth = Math.max(0, depth - 1);
                default -> {
                }
            }
        }
        return false;
    }
}
