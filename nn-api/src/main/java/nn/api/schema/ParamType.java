package nn.api.schema;

import java.util.List;

/** The types a parameter of a layer, activation, loss, optimizer or data set can take. */
public enum ParamType {
    INT("int"),
    FLOAT("float"),
    BOOL("bool"),
    STRING("string"),
    LIST("list"),
    /** An int or a word: `padding = 1` or `padding = "same"`; limit the words with {@link Param#oneOf}. */
    INT_OR_STRING("int or string");

    private final String word;

    ParamType(String word) {
        this.word = word;
    }

    /** The word used in error messages and in `nn plugins`. */
    public String word() {
        return word;
    }

    /** Whether the type takes an int; a long literal beyond an int is then an error, never truncated. */
    public boolean takesInt() {
        return this == INT || this == INT_OR_STRING;
    }

    /** A long literal that an int parameter cannot hold. */
    public static boolean tooLargeForInt(Object value) {
        return value instanceof Long l && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE);
    }

    /**
     * Converts a literal value to this type, or returns null when it does not fit (a long
     * beyond an int's range does not fit an int: `padding = 4294967297` is not 1).
     * An int literal is accepted where a float is expected (as `lr = 1` means 1.0).
     */
    public Object coerce(Object value) {
        return switch (this) {
            case INT -> (value instanceof Integer || value instanceof Long) && !tooLargeForInt(value)
                    ? ((Number) value).intValue() : null;
            case FLOAT -> value instanceof Number n ? n.doubleValue() : null;
            case BOOL -> value instanceof Boolean ? value : null;
            case STRING -> value instanceof String ? value : null;
            case LIST -> value instanceof List<?> ? value : null;
            case INT_OR_STRING -> value instanceof String ? value : INT.coerce(value);
        };
    }

    /** The type of a literal as the user wrote it, for messages. */
    public static String describe(Object value) {
        if (value instanceof Integer || value instanceof Long) return "int";
        if (value instanceof Number) return "float";
        if (value instanceof Boolean) return "bool";
        if (value instanceof String) return "string";
        if (value instanceof List<?>) return "list";
        return value == null ? "nothing" : value.getClass().getSimpleName();
    }
}
