package nn.lsp;

import nn.api.registry.Registry;
import nn.api.spi.Provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every provider a `.nn` file can call, by name: operations in a model, the rest in a train section. */
final class Providers {
    private final Registry registry;

    Providers(Registry registry) {
        this.registry = registry;
    }

    Registry registry() {
        return registry;
    }

    /** The provider called by this name: an operation first (what a model calls), else a train section's. */
    Provider find(String name) {
        Provider p = registry.operation(name);
        if (p != null) return p;
        for (Map<String, ? extends Provider> kind : trainKinds()) {
            if (kind.containsKey(name)) return kind.get(name);
        }
        return null;
    }

    /** The providers a train setting takes (`data = mnist()`), or none for a plain setting. */
    Map<String, ? extends Provider> forSetting(String key) {
        return switch (key) {
            case "data" -> registry.datasets();
            case "loss" -> registry.losses();
            case "optimizer" -> registry.optimizers();
            case "schedule" -> registry.schedules();
            default -> Map.of();
        };
    }

    /** The operations a model can call: layers, merges and activations. */
    List<Provider> operations() {
        List<Provider> out = new ArrayList<>();
        for (String name : registry.operationNames()) out.add(registry.operation(name));
        return out;
    }

    /** Initializers are named as strings in arguments; the other kinds are called in a train section. */
    private List<Map<String, ? extends Provider>> trainKinds() {
        return List.of(registry.datasets(), registry.losses(), registry.optimizers(), registry.schedules(),
                registry.initializers());
    }

    /** All kinds by name, for hover over anything. */
    Map<String, Provider> all() {
        Map<String, Provider> out = new LinkedHashMap<>();
        for (Provider p : operations()) out.put(p.name(), p);
        for (Map<String, ? extends Provider> kind : trainKinds()) kind.forEach(out::putIfAbsent);
        return out;
    }
}
