package nn.api.graph;

import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One plain setting of a train section (`batch`, `epochs`...), declared once in
 * {@link TrainSettings}: its key, type, default, range and description (a schema {@link Param}),
 * the Java type {@link TrainSettings} holds it as and the accessor that reads it. The parser,
 * the command-line overrides, graph.json and the editors all go through this declaration.
 */
public final class TrainSetting<T> {
    private final Param param;
    private final Class<T> type;
    private final Function<TrainSettings, T> read;

    private TrainSetting(Param param, Class<T> type, Function<TrainSettings, T> read) {
        this.param = param;
        this.type = type;
        this.read = read;
    }

    static <T> TrainSetting<T> of(Param param, Class<T> type, Function<TrainSettings, T> read) {
        return new TrainSetting<>(param, type, read);
    }

    /** The word in a `.nn` file: `augment_shift`. */
    public String key() {
        return param.name();
    }

    /** The name in graph.json: the key in camel case (`augmentShift`), as the record's component was named. */
    public String jsonName() {
        StringBuilder s = new StringBuilder();
        boolean upper = false;
        for (char c : key().toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                s.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return s.toString();
    }

    public Param param() {
        return param;
    }

    public T get(TrainSettings settings) {
        return read.apply(settings);
    }

    T defaultValue() {
        return type.cast(type == Long.class ? Long.valueOf(((Number) param.defaultValue()).longValue())
                : param.defaultValue());
    }

    /**
     * A value from a file or the command line, checked against the declaration (type, range,
     * allowed words): the value as {@link TrainSettings} holds it, or null after telling the sink.
     */
    T accept(Object raw, Schema.ProblemSink sink) {
        if (raw == null) {
            sink.problem(new Schema.ArgRef(-1, key()), "'" + key() + "' has no value", param.signature());
            return null;
        }
        if (type == Long.class) { // a seed is any int, up to 64 bits; the schema's INT stops at 32
            if (raw instanceof Integer || raw instanceof Long) return type.cast(((Number) raw).longValue());
            String word = ParamType.describe(raw);
            sink.problem(new Schema.ArgRef(-1, key()), "'" + key() + "' must be an int, not "
                    + ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word, param.signature());
            return null;
        }
        boolean[] ok = {true};
        Object bound = Schema.of(param).bind(List.of(), Map.of(key(), raw), (where, message, hint) -> {
            sink.problem(where, message, hint);
            ok[0] = false;
        }).asMap().get(key());
        return ok[0] ? type.cast(bound) : null;
    }

    @Override
    public String toString() {
        return key();
    }
}
