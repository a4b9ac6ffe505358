package nn.testkit;

import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.spi.Provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every provider's name and schema must satisfy to be usable and documented in `.nn` files and `nn plugins`. */
final class SchemaCheck {
    private static final String IDENTIFIER = "[a-z][a-z0-9_]*";

    private SchemaCheck() {
    }

    /** Binds the given arguments (plus defaults) the way the checker does; fails with every problem found. */
    static Args bind(Provider provider, Map<String, Object> args) {
        List<String> problems = new ArrayList<>();
        Args bound = provider.schema().bind(List.of(), args, (where, message, hint) -> problems.add(message));
        if (!problems.isEmpty()) {
            throw new AssertionError(provider.name() + ": the arguments " + args + " do not bind: " + problems);
        }
        return bound;
    }

    /** Problems with the name, the documentation, and defaults that break their own parameter's type or range. */
    static List<String> problems(Provider provider, Map<String, Object> args) {
        List<String> problems = new ArrayList<>();
        if (provider.name() == null || !provider.name().matches(IDENTIFIER)) {
            problems.add("name '" + provider.name() + "' must be a lower-case identifier (" + IDENTIFIER + ")");
        }
        if (provider.description() == null || provider.description().isBlank()) {
            problems.add(provider.name() + " has no description (nn plugins shows it)");
        }
        Map<String, Object> explicitDefaults = new LinkedHashMap<>(args);
        List<String> seen = new ArrayList<>();
        for (Param p : provider.schema().params()) {
            if (!p.name().matches(IDENTIFIER)) problems.add("parameter '" + p.name() + "' must be a lower-case identifier");
            if (seen.contains(p.name())) problems.add("parameter '" + p.name() + "' is declared twice");
            if (p.doc() == null || p.doc().isBlank()) problems.add("parameter '" + p.name() + "' has no description");
            seen.add(p.name());
            if (!p.isRequired()) explicitDefaults.putIfAbsent(p.name(), p.defaultValue());
        }
        provider.schema().bind(List.of(), explicitDefaults,
                (where, message, hint) -> problems.add("a default breaks its own schema: " + message));
        return problems;
    }
}
