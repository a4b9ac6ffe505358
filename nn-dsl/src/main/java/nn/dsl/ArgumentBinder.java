package nn.dsl;

import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.dsl.grammar.NnParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a call's arguments against a provider's schema with {@link Schema#bind}, and points
 * every problem the schema reports at the argument it concerns (or at the whole call).
 */
final class ArgumentBinder {

    /** The bound, named and defaulted arguments, and whether they bound without a problem. */
    record Bound(Map<String, Object> args, boolean ok) {
    }

    private final Reporter reporter;
    private final Values values;

    ArgumentBinder(Reporter reporter, Values values) {
        this.reporter = reporter;
        this.values = values;
    }

    /**
     * Binds the arguments of `call`, leaving out its first `skip` positional arguments (a
     * loss's node and target, which the caller reads itself).
     */
    Bound bind(NnParser.CallContext call, Schema schema, int skip) {
        List<NnParser.ArgumentContext> positionalArgs = new ArrayList<>();
        List<Object> positional = new ArrayList<>();
        Map<String, NnParser.ArgumentContext> namedArgs = new LinkedHashMap<>();
        Map<String, Object> named = new LinkedHashMap<>();
        boolean[] ok = {true};
        boolean[] anyInvalidValue = {false};
        ok[0] = ArgumentWalk.walk(call, skip, reporter, new ArgumentWalk.Visitor() {
            @Override
            public boolean positional(NnParser.ArgumentContext arg, int position) {
                Param param = position < schema.params().size() ? schema.params().get(position) : null;
                Object v = convert(arg.value(), param);
                anyInvalidValue[0] |= v == Values.INVALID;
                positionalArgs.add(arg);
                positional.add(v);
                return true;
            }

            @Override
            public boolean named(NnParser.ArgumentContext arg, String name) {
                if (namedArgs.containsKey(name)) {
                    reporter.error(Source.Span.of(arg), "parameter '" + name + "' is given twice", null);
                    return false;
                }
                Object v = convert(arg.value(), schema.find(name));
                anyInvalidValue[0] |= v == Values.INVALID;
                namedArgs.put(name, arg);
                named.put(name, v);
                return true;
            }
        });
        boolean invalid = anyInvalidValue[0];
        boolean anyInvalid = invalid;
        Schema.ProblemSink sink = (where, message, hint) -> {
            Source.Span at;
            if (where.position() >= 0 && where.position() < positional.size()) {
                if (positional.get(where.position()) == Values.INVALID) return;
                at = Source.Span.of(positionalArgs.get(where.position()));
            } else if (where.name() != null && namedArgs.containsKey(where.name())) {
                if (named.get(where.name()) == Values.INVALID) return;
                at = Source.Span.of(namedArgs.get(where.name()));
            } else {
                // A problem with the call as a whole (a missing argument). A parameter that was
                // given but rejected is "missing" only as a consequence: that is reported already.
                if (anyInvalid || mentionsAny(message, given(schema, positional.size(), named.keySet()))) return;
                at = Source.Span.of(call);
            }
            reporter.error(at, message, hint);
            ok[0] = false;
        };
        Map<String, Object> bound = schema.bind(positional, named, sink).asMap();
        return new Bound(bound, ok[0] && !invalid);
    }

    /** The names of the parameters the call gives a value for, rightly or wrongly. */
    private static List<String> given(Schema schema, int positional, java.util.Set<String> named) {
        List<String> names = new ArrayList<>(named);
        for (int i = 0; i < positional && i < schema.params().size(); i++) names.add(schema.params().get(i).name());
        return names;
    }

    private static boolean mentionsAny(String message, List<String> names) {
        for (String n : names) if (message.contains("'" + n + "'")) return true;
        return false;
    }

    /** The value of one argument; an int too large for an int parameter is reported here. */
    private Object convert(NnParser.ValueContext value, Param param) {
        Object v = values.convert(value);
        if (param != null && param.type().takesInt() && ParamType.tooLargeForInt(v)) {
            reporter.error(Source.Span.of(value), "'" + param.name() + "' is " + v + ", too large for an int",
                    param.signature());
            return Values.INVALID;
        }
        return v;
    }
}
