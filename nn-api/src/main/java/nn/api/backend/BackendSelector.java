package nn.api.backend;

import nn.api.spi.Backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * nn's one backend selection policy, shared by the CLI and nn-spark's workers. Picks the backend: the one named (`--backend`, else NN_BACKEND, else the file's
 * `train.backend`), or with `auto` the highest-ranked one that can run here. A named
 * backend that cannot run is an error that says why, never a silent fall-back; `auto`
 * falling back says so in one warning line. Nothing here loads native code: only the
 * backend returned is ever activated. A choice that fails is a {@link BackendChoiceException}.
 */
public final class BackendSelector {
    public static final String ENV = "NN_BACKEND";
    public static final String AUTO = "auto";
    /** The backends nn knows, and the module that brings each. */
    public static final Map<String, String> MODULES = Map.of("cpu", "nn-backend-cpu", "cuda", "nn-backend-cuda");

    private final Map<String, Backend> backends;
    private final UnaryOperator<String> environment;
    private final Consumer<String> warning;

    /** @param environment reads an environment variable (System::getenv in production) */
    public BackendSelector(Map<String, Backend> backends, UnaryOperator<String> environment, Consumer<String> warning) {
        this.backends = backends;
        this.environment = environment;
        this.warning = warning;
    }

    /** @param flag the command-line choice (may be null); @param fromFile the file's choice (may be null) */
    public Backend select(String flag, String fromFile) {
        String choice = flag;
        if (choice == null) {
            String env = environment.apply(ENV);
            choice = env != null && !env.isBlank() ? env.trim() : fromFile;
        }
        if (choice == null || choice.equals(AUTO)) return auto();
        Backend named = backends.get(choice);
        if (named == null) {
            if (MODULES.containsKey(choice)) {
                throw BackendChoiceException.cannotRun("backend '" + choice + "' cannot run here: " + MODULES.get(choice)
                        + " is not on the class path (this nn was built without it)");
            }
            throw BackendChoiceException.badInput("no backend named '" + choice + "'" + where(flag) + "; choose cpu, cuda or auto");
        }
        Backend.Availability a = named.probe();
        if (!a.available()) {
            throw BackendChoiceException.cannotRun("backend '" + choice + "' cannot run here: " + a.reason()
                    + (choice.equals("cpu") ? "" : "; use --backend cpu (or auto) to compute on the processor"));
        }
        return named;
    }

    private String where(String flag) {
        if (flag != null) return " (--backend)";
        String env = environment.apply(ENV);
        return env != null && !env.isBlank() ? " (from " + ENV + ")" : " (from the file's train.backend)";
    }

    /** The first of several "; "-separated problems, without its explanation after a colon. */
    public static String firstProblem(String reason) {
        String first = reason.split("; ", 2)[0];
        int colon = first.indexOf(':');
        return colon > 0 ? first.substring(0, colon) : first;
    }

    private Backend auto() {
        List<Backend> ranked = new ArrayList<>(backends.values());
        ranked.sort(Comparator.comparingInt(Backend::rank).reversed());
        List<String> reasons = new ArrayList<>();
        List<String> briefs = new ArrayList<>();
        for (Backend b : ranked) {
            Backend.Availability a = b.probe();
            if (a.available()) {
                // One short line: the full reasons (and fixes) are what `nn backends` is for.
                if (!briefs.isEmpty()) warning.accept(String.join("; ", briefs) + "; using " + b.name());
                return b;
            }
            reasons.add(b.name() + " is not available (" + a.reason() + ")");
            // A backend this nn was built without is not news: warn only about one that could have run.
            if (a.built()) briefs.add(b.name() + " is not available (" + firstProblem(a.reason()) + "; `nn backends` says more)");
        }
        throw BackendChoiceException.cannotRun(ranked.isEmpty() ? "no backend found: put nn-backend-cpu on the class path"
                : "no backend can run here: " + String.join("; ", reasons));
    }
}
