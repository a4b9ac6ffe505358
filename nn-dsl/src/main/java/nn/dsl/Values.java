package nn.dsl;

import nn.api.schema.Suggest;
import nn.dsl.grammar.NnBaseVisitor;
import nn.dsl.grammar.NnParser;
import org.antlr.v4.runtime.ParserRuleContext;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Literal values as Java objects: Integer (Long when an int cannot hold it), Double, String,
 * Boolean, and List of those. A value that cannot be made is reported and returned as
 * {@link #INVALID}, so that the caller does not report it a second time.
 */
final class Values extends NnBaseVisitor<Object> {

    /** Stands for a value already reported as wrong; problems the schema finds with it are not reported. */
    static final Object INVALID = new Invalid();

    private static final class Invalid {
        @Override
        public String toString() {
            return "<invalid>";
        }
    }

    private final Reporter reporter;
    private final Map<String, Object> constants;
    private final Predicate<String> nodes;
    /** The constants read so far, shared by every Values made from this one (for unused-constant warnings). */
    private final Set<String> used;

    Values(Reporter reporter) {
        this(reporter, Map.of(), name -> false, new HashSet<>());
    }

    private Values(Reporter reporter, Map<String, Object> constants, Predicate<String> nodes, Set<String> used) {
        this.reporter = reporter;
        this.constants = constants;
        this.nodes = nodes;
        this.used = used;
    }

    /** Whether a constant of this name has been read. */
    boolean used(String name) {
        return used.contains(name);
    }

    /** These values, with more constants visible (shadowing those of the same name). */
    Values with(Map<String, Object> more) {
        Map<String, Object> all = new LinkedHashMap<>(constants);
        all.putAll(more);
        return new Values(reporter, Collections.unmodifiableMap(all), nodes, used);
    }

    /** These values, knowing which names are nodes (to say so when one is used as a value). */
    Values withNodes(Predicate<String> isNode) {
        return new Values(reporter, constants, isNode, used);
    }

    /** Whether a name is a constant here (a `let`, or a parameter of the block being expanded). */
    boolean isConstant(String name) {
        return constants.containsKey(name);
    }

    Map<String, Object> constants() {
        return constants;
    }

    Object convert(NnParser.ValueContext value) {
        return visit(value);
    }

    @Override
    public Object visitLiteralValue(NnParser.LiteralValueContext ctx) {
        return visit(ctx.literal());
    }

    @Override
    public Object visitListValue(NnParser.ListValueContext ctx) {
        return visit(ctx.list());
    }

    @Override
    public Object visitList(NnParser.ListContext ctx) {
        List<Object> items = new ArrayList<>();
        boolean ok = true;
        for (NnParser.ValueContext v : ctx.value()) {
            Object item = convert(v);
            ok &= item != INVALID;
            items.add(item);
        }
        return ok ? Collections.unmodifiableList(items) : INVALID;
    }

    @Override
    public Object visitNameValue(NnParser.NameValueContext ctx) {
        String name = ctx.IDENT().getText();
        if (constants.containsKey(name)) {
            used.add(name);
            return constants.get(name);
        }
        if (nodes.test(name)) {
            reporter.error(Source.Span.of(ctx), "'" + name + "' is a node, not a value",
                    "the nodes an operation reads come first, from the chain or as its first arguments");
            return INVALID;
        }
        String guess = Suggest.closest(name, constants.keySet());
        if (guess != null) {
            reporter.error(Source.Span.of(ctx), "unknown constant '" + name + "'", "did you mean '" + guess + "'?");
        } else {
            reporter.error(Source.Span.of(ctx), "'" + name + "' is not a value here",
                    "a string is written in quotes: \"" + name + "\"");
        }
        return INVALID;
    }

    @Override
    public Object visitCallValue(NnParser.CallValueContext ctx) {
        reporter.error(Source.Span.of(ctx), "a call cannot be used as a value here",
                "write a number, a string, true, false or a list");
        return INVALID;
    }

    @Override
    public Object visitIntLiteral(NnParser.IntLiteralContext ctx) {
        BigInteger v = new BigInteger(ctx.INT().getText());
        if (ctx.MINUS() != null) v = v.negate();
        if (v.bitLength() < 32) return v.intValue();
        if (v.bitLength() < 64) return v.longValue();
        reporter.error(Source.Span.of(ctx), "the number " + v + " is too large", null);
        return INVALID;
    }

    @Override
    public Object visitFloatLiteral(NnParser.FloatLiteralContext ctx) {
        double v = Double.parseDouble(ctx.FLOAT().getText());
        if (Double.isInfinite(v)) {
            reporter.error(Source.Span.of(ctx), "the number " + ctx.getText() + " is too large", null);
            return INVALID;
        }
        return ctx.MINUS() != null ? -v : v;
    }

    @Override
    public Object visitBoolLiteral(NnParser.BoolLiteralContext ctx) {
        return ctx.TRUE() != null;
    }

    @Override
    public Object visitStringLiteral(NnParser.StringLiteralContext ctx) {
        String text = ctx.STRING().getText();
        int end = SyntaxErrors.isClosed(text) ? text.length() - 1 : text.length();
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < end; i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 >= end) break;
            char e = text.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '"', '\\' -> out.append(e);
                default -> {
                    reporter.error(escapeSpan(ctx, i - 1), "unknown escape sequence '\\" + e + "'",
                            "the escapes are \\\" \\\\ \\n \\t");
                    return INVALID;
                }
            }
        }
        return out.toString();
    }

    private static Source.Span escapeSpan(ParserRuleContext ctx, int offset) {
        Source.Span s = Source.Span.of(ctx.getStart());
        return new Source.Span(s.source(), s.line(), s.column() + offset, 2);
    }

    /** How a value reads in a message: `[0.5, 0.5]`, `"cpu"`, `3`. */
    static String show(Object v) {
        if (v instanceof String s) return "\"" + s + "\"";
        return String.valueOf(v);
    }
}
