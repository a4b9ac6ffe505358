package nn.api.inference;

import nn.api.backend.ActiveBackend;
import nn.api.registry.Registry;
import nn.api.spi.Backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Starts one backend for a library user's process, the first time a model is loaded. */
final class BackendStart {
    private static Backend started;

    private BackendStart() {
    }

    static synchronized void once(Registry registry, String name, int threads) {
        if (started != null) return; // ND4J has one backend per process
        Backend backend;
        if (name != null) {
            backend = registry.backends().get(name);
            if (backend == null) throw new IllegalArgumentException("no backend named '" + name + "' on the class path");
            Backend.Availability a = backend.probe();
            if (!a.available()) throw new IllegalStateException("backend '" + name + "' cannot run here: " + a.reason());
        } else {
            List<Backend> ranked = new ArrayList<>(registry.backends().values());
            ranked.sort(Comparator.comparingInt(Backend::rank).reversed());
            backend = ranked.stream().filter(b -> b.probe().available()).findFirst().orElseThrow(() ->
                    new IllegalStateException("no backend can run here; put nn-backend-cpu on the class path"));
        }
        ActiveBackend.start(backend, new Backend.Options(Math.max(1, threads)));
        started = backend;
    }
}
