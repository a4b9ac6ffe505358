package nn.api.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bound argument values, defaults filled in, read by the provider that declared them. */
public final class Args {
    public static final Args EMPTY = new Args(Map.of());

    private final Map<String, Object> values;

    public Args(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public int getInt(String name) {
        return ((Number) require(name)).intValue();
    }

    public double getDouble(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public boolean getBool(String name) {
        return (Boolean) require(name);
    }

    public String getString(String name) {
        return (String) require(name);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) throw new IllegalArgumentException("no value for parameter '" + name + "'");
        return v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
