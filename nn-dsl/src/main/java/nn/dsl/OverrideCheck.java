package nn.dsl;

import nn.api.schema.Suggest;
import nn.dsl.grammar.NnLexer;
import nn.dsl.grammar.NnParser;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies {@link ConstantOverrides} during one compilation: reads each value with the
 * language's value syntax, checks it has the type of the file's own value (an int where the
 * file has an int; an int or a float where it has a float; a string, unquoted or quoted,
 * where it has a string; a list whose items fit the file's first item), and after the file's
 * constants are known, reports every name the file does not define. Errors are one line each,
 * naming the assignment.
 */
final class OverrideCheck {
    private final ConstantOverrides overrides;
    private final Set<String> applied = new HashSet<>();
    private final List<Diagnostic> errors = new ArrayList<>();

    OverrideCheck(ConstantOverrides overrides) {
        this.overrides = overrides == null ? ConstantOverrides.NONE : overrides;
    }

    /** The value the constant takes: the override when there is one and it fits, else the file's. */
    Object apply(String name, Object fileValue, Source.Span definedAt) {
        String text = overrides.values().get(name);
        if (text == null || !applied.add(name)) return fileValue;
        String assignment = name + "=" + text;
        Object given = fileValue instanceof String && !text.startsWith("\"") ? text : read(text);
        if (given == null) {
            errors.add(ConstantOverrides.error(assignment, "'" + text + "' is not a value: write a number, a string,"
                    + " true, false or a list like [1, 2]"));
            return fileValue;
        }
        Object fitted = fit(fileValue, given);
        if (fitted == null) {
            errors.add(ConstantOverrides.error(assignment, "'" + name + "' is " + typeOf(fileValue) + " ("
                    + "let " + name + " = " + Values.show(fileValue) + " at " + where(definedAt) + "), and "
                    + text + " is " + typeOf(given)));
            return fileValue;
        }
        return fitted;
    }

    /** Reports each override of a name that is not a constant of the file, with a did-you-mean. */
    void requireKnown(Collection<String> constants) {
        for (var e : overrides.values().entrySet()) {
            if (constants.contains(e.getKey())) continue;
            String guess = Suggest.closest(e.getKey(), constants);
            String hint = guess != null ? "; did you mean '" + guess + "'?"
                    : constants.isEmpty() ? "; the file defines no constants (let NAME = VALUE)"
                    : "; its constants are " + String.join(", ", constants);
            errors.add(ConstantOverrides.error(e.getKey() + "=" + e.getValue(),
                    "the file has no constant '" + e.getKey() + "'" + hint));
        }
    }

    List<Diagnostic> errors() {
        return List.copyOf(errors);
    }

    /** The value a text stands for in the language, or null when it is not a literal value. */
    static Object read(String text) {
        try {
            boolean[] lexical = {false};
            NnLexer lexer = new NnLexer(CharStreams.fromString(text, ConstantOverrides.OPTION));
            lexer.removeErrorListeners();
            lexer.addErrorListener(new BaseErrorListener() {
                @Override
                public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int col, String msg,
                                        RecognitionException e) {
                    lexical[0] = true;
                }
            });
            NnParser parser = new NnParser(new CommonTokenStream(lexer));
            parser.removeErrorListeners();
            parser.setErrorHandler(new BailErrorStrategy());
            NnParser.ValueContext value = parser.value();
            if (lexical[0] || parser.getCurrentToken().getType() != Token.EOF) return null;
            Reporter quiet = new Reporter(new Source(ConstantOverrides.OPTION, text));
            Object v = new Values(quiet).convert(value);
            return quiet.hasErrors() || v == Values.INVALID ? null : v;
        } catch (ParseCancellationException e) {
            return null;
        }
    }

    /** `given` as a value of the file value's type, or null when it has another type. */
    static Object fit(Object fileValue, Object given) {
        if (fileValue instanceof Integer || fileValue instanceof Long) {
            return given instanceof Integer || given instanceof Long ? given : null;
        }
        if (fileValue instanceof Double) {
            return given instanceof Number n && !(given instanceof Double) ? (Object) n.doubleValue()
                    : given instanceof Double ? given : null;
        }
        if (fileValue instanceof String || fileValue instanceof Boolean) {
            return fileValue.getClass() == given.getClass() ? given : null;
        }
        if (fileValue instanceof List<?> file && given instanceof List<?> items) {
            if (file.isEmpty()) return given;
            List<Object> out = new ArrayList<>();
            for (Object item : items) {
                Object f = fit(file.get(0), item);
                if (f == null) return null;
                out.add(f);
            }
            return List.copyOf(out);
        }
        return null;
    }

    static String typeOf(Object v) {
        if (v instanceof Integer || v instanceof Long) return "an int";
        if (v instanceof Double) return "a float";
        if (v instanceof String) return "a string";
        if (v instanceof Boolean) return "a bool";
        if (v instanceof List<?> l) return l.isEmpty() ? "a list" : "a list of " + plural(typeOf(l.get(0)));
        return "a value";
    }

    private static String plural(String kind) {
        return kind.replaceFirst("^an? ", "") + "s";
    }

    private static String where(Source.Span s) {
        return (s.source() != null ? s.source() + ":" : "line ") + s.line() + ":" + s.column();
    }
}
