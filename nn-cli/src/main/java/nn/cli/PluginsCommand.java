package nn.cli;

import com.google.inject.Inject;
import nn.api.plugin.PluginBundle;
import nn.api.plugin.PluginFault;
import nn.api.plugin.Plugins;
import nn.api.registry.Origin;
import nn.api.registry.Registry;
import nn.api.schema.Param;
import nn.api.spi.Backend;
import nn.api.spi.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/** `nn plugins`: every registered provider by kind, its parameters, and the jar it came from. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every layer, activation, loss, optimizer, initialiser, data set and backend found.")
final class PluginsCommand implements Callable<Integer> {
    private final Registry registry;
    private final Plugins plugins;

    @Spec
    CommandSpec spec;

    @Inject
    PluginsCommand(Registry registry, Plugins plugins) {
        this.registry = registry;
        this.plugins = plugins;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("plugin path:");
        if (plugins.bundles().isEmpty()) out.println("  (no plugins: --plugins DIR, NN_PLUGIN_PATH or ~/.nn/plugins)");
        for (PluginBundle b : plugins.bundles()) out.printf("  %-30s %s%n", b.name(), b.location());
        section(out, "layers", registry.layers());
        section(out, "merges", registry.merges());
        section(out, "activations", registry.activations());
        section(out, "losses", registry.losses());
        section(out, "optimizers", registry.optimizers());
        section(out, "initializers", registry.initializers());
        section(out, "schedules", registry.schedules());
        section(out, "datasets", registry.datasets());
        out.println("backends:");
        for (Backend b : registry.backends().values()) {
            out.printf("  %-14s rank %d   from %s%n", b.name(), b.rank(), Origin.of(b.getClass()));
        }
        if (!plugins.faults().isEmpty()) {
            out.println("problems:");
            for (PluginFault f : plugins.faults()) out.println("  " + f);
        }
        return ExitCodes.OK;
    }

    private static void section(PrintWriter out, String title, Map<String, ? extends Provider> providers) {
        out.println(title + ":");
        for (Provider p : providers.values()) {
            out.printf("  %-14s %s%n", p.name(), p.description());
            for (Param param : p.schema().params()) out.printf("  %-14s   %s%n", "", param.signature());
            out.printf("  %-14s   from %s%n", "", Origin.of(p.getClass()));
        }
    }
}
