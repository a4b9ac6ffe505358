package nn.cli;

import com.google.inject.Inject;
import nn.api.backend.BackendSelector;
import nn.api.registry.Origin;
import nn.api.registry.Registry;
import nn.api.spi.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** `nn backends`: every backend found, whether it can run here and, if not, why. Loads no native code. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "List the compute backends found, whether each can run here, and why not.")
final class BackendsCommand implements Callable<Integer> {
    private final Registry registry;

    @Spec
    CommandSpec spec;

    @Inject
    BackendsCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String line : lines(registry.backends())) out.println(line);
        out.println("choose with --backend cpu|cuda|auto or NN_BACKEND; auto takes the highest-ranked backend that can run");
        return ExitCodes.OK;
    }

    /** One line per backend found, then one per backend nn knows but did not find. */
    static java.util.List<String> lines(Map<String, Backend> backends) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (Backend b : backends.values()) {
            Backend.Availability a = b.probe();
            lines.add(String.format("%-5s rank %-3d %s   (from %s)", b.name(), b.rank(),
                    a.available() ? "can run here" : "cannot run here: " + a.reason(), Origin.of(b.getClass())));
        }
        for (Map.Entry<String, String> known : new TreeMap<>(BackendSelector.MODULES).entrySet()) {
            if (!backends.containsKey(known.getKey())) {
                lines.add(String.format("%-5s not found: %s is not on the class path", known.getKey(), known.getValue()));
            }
        }
        return lines;
    }
}
