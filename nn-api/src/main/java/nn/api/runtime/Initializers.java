package nn.api.runtime;

import nn.api.registry.Registry;
import nn.api.schema.Args;
import nn.api.spi.InitializerProvider;

import java.util.ArrayList;
import java.util.List;

/** Turns a parameter's {@link Init} into an {@link Initializer}: finds the provider, binds the arguments to its schema. */
public final class Initializers {
    private Initializers() {
    }

    /** @throws IllegalArgumentException naming the parameter, when the initialiser is unknown or its arguments do not bind */
    public static Initializer resolve(Registry registry, ParamSpec spec) {
        Init init = spec.init();
        InitializerProvider provider = registry.initializers().get(init.name());
        if (provider == null) {
            throw new IllegalArgumentException("unknown initialiser '" + init.name() + "' for parameter "
                    + spec.name() + "; known: " + registry.initializers().keySet());
        }
        List<String> problems = new ArrayList<>();
        Args args = provider.schema().bind(init.positional(), init.named(), (where, message, hint) -> problems.add(message));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("initialiser " + init + " for parameter " + spec.name() + ": "
                    + String.join("; ", problems) + " (" + init.name() + " takes " + provider.schema().signatures() + ")");
        }
        return provider.create(args);
    }
}
