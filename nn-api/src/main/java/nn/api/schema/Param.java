package nn.api.schema;

import java.util.List;

/**
 * One declared parameter: its name, type, default (null means required), an optional
 * numeric range and an optional set of allowed values, and a line of documentation.
 */
public record Param(String name, ParamType type, Object defaultValue, Double min, Double max,
                    List<String> allowed, String doc) {

    public static Param required(String name, ParamType type, String doc) {
        return new Param(name, type, null, null, null, List.of(), doc);
    }

    public static Param optional(String name, ParamType type, Object defaultValue, String doc) {
        return new Param(name, type, defaultValue, null, null, List.of(), doc);
    }

    /** The same parameter limited to [min, max] (either may be null for an open end). */
    public Param range(Double min, Double max) {
        return new Param(name, type, defaultValue, min, max, allowed, doc);
    }

    public Param oneOf(String... values) {
        return new Param(name, type, defaultValue, min, max, List.of(values), doc);
    }

    public boolean isRequired() {
        return defaultValue == null;
    }

    /** A one-line description such as `units: int >= 1 (required)` for hints and listings. */
    public String signature() {
        boolean intOrWord = type == ParamType.INT_OR_STRING && !allowed.isEmpty();
        StringBuilder s = new StringBuilder(name).append(": ").append(intOrWord ? "int" : type.word());
        if (min != null && max != null) s.append(" in [").append(fmt(min)).append(", ").append(fmt(max)).append(']');
        else if (min != null) s.append(" >= ").append(fmt(min));
        else if (max != null) s.append(" <= ").append(fmt(max));
        if (intOrWord) s.append(" or ").append(quotedWords(" or "));
        else if (!allowed.isEmpty()) s.append(" one of ").append(String.join("|", allowed));
        s.append(isRequired() ? " (required)" : " = " + fmtValue(defaultValue));
        return s.toString();
    }

    /** Returns a problem with the (already coerced) value, or null if it is acceptable. */
    String check(Object value) {
        if (value instanceof Number n && type != ParamType.LIST) {
            double v = n.doubleValue();
            if ((min != null && v < min) || (max != null && v > max) || Double.isNaN(v)) {
                return "'" + name + "' is " + fmtValue(value) + ", out of range: expected " + signature();
            }
        }
        boolean intAmongWords = type == ParamType.INT_OR_STRING && !(value instanceof String); // words limit words only
        if (!allowed.isEmpty() && !intAmongWords && !allowed.contains(String.valueOf(value))) {
            String expected = type == ParamType.INT_OR_STRING ? "an int or " + quotedWords(", ")
                    : "one of " + String.join(", ", allowed);
            return "'" + name + "' is " + fmtValue(value) + ", expected " + expected;
        }
        return null;
    }

    private String quotedWords(String separator) {
        StringBuilder s = new StringBuilder();
        for (String word : allowed) s.append(s.length() > 0 ? separator : "").append(fmtValue(word));
        return s.toString();
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    static String fmtValue(Object v) {
        if (v instanceof String s) return "\"" + s + "\"";
        if (v instanceof Double d) return String.valueOf(d);
        return String.valueOf(v);
    }
}
