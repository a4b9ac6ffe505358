package nn.api.graph;

import java.util.LinkedHashMap;
import java.util.Map;

/** `loss = cross_entropy(logits, label)`: the loss provider, the node it reads, and its arguments. */
public record LossSpec(String name, String output, String target, Map<String, Object> args) {
    public LossSpec {
        args = args == null ? Map.of() : new LinkedHashMap<>(args);
    }
}
