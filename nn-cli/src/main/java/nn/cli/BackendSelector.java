package nn.cli;

import nn.api.registry.Registry;
import nn.api.spi.Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the backend: the one named (`--backend`, else the file's `train.backend`, else
 * NN_BACKEND), or with `auto` the highest-ranked one that can run here. A named backend
 * that cannot run is an error that says why, never a silent fall-back.
 */
final class BackendSelector {
    static final String ENV = "NN_BACKEND";
    private static final Logger LOG = LoggerFactory.getLogger(BackendSelector.class);

    private BackendSelector() {
    }

    /** @param flag the command-line choice (may be null); @param fromFile the file's choice (may be null) */
    static Backend select(Registry registry, String flag, String fromFile) {
        String choice = flag;
        if (choice == null) {
            String env = System.getenv(ENV);
            choice = env != null && !env.isBlank() ? env : fromFile;
        }
        if (choice == null || choice.equals("auto")) return auto(registry);
        Backend named = registry.backends().get(choice);
        if (named == null) {
            throw new UserError("no backend named '" + choice + "'; found: " + String.join(", ", registry.backends().keySet())
                    + " (or auto)");
        }
        Backend.Availability a = named.probe();
        if (!a.available()) throw new RunFailure("backend '" + choice + "' cannot run here: " + a.reason());
        return named;
    }

    private static Backend auto(Registry registry) {
        List<Backend> ranked = new ArrayList<>(registry.backends().values());
        ranked.sort(Comparator.comparingInt(Backend::rank).reversed());
        List<String> reasons = new ArrayList<>();
        for (Backend b : ranked) {
            Backend.Availability a = b.probe();
            if (a.available()) {
                if (!reasons.isEmpty()) LOG.warn("{}; using {}", String.join("; ", reasons), b.name());
                return b;
            }
            reasons.add(b.name() + " is not available (" + a.reason() + ")");
        }
        throw new RunFailure(ranked.isEmpty() ? "no backend found: put nn-backend-cpu on the class path"
                : "no backend can run here: " + String.join("; ", reasons));
    }
}
