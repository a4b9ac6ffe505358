package nn.api.graph;

import java.util.LinkedHashMap;
import java.util.Map;

/** A provider called by name with bound, named arguments: `adam(lr = 1e-3)`. */
public record Call(String name, Map<String, Object> args) {
    public Call {
        args = args == null ? Map.of() : new LinkedHashMap<>(args);
    }
}
