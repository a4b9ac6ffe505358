package nn.cli;

import nn.api.plugin.PluginPath;
import nn.api.plugin.Plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code --plugins DIR} and {@code --prefer PLUGIN}, read before picocli runs: the injector,
 * and so every command's registry, must already hold the plugins' providers. picocli declares
 * the same options (on {@link Main}, inherited by every command) for help and validation.
 */
record PluginOptions(List<Path> directories, Set<String> preferred) {
    static final String PLUGINS = "--plugins";
    static final String PREFER = "--prefer";

    static PluginOptions scan(String[] args) {
        List<Path> dirs = new ArrayList<>();
        Set<String> preferred = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) break;
            String value = null;
            String option = a;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                option = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if ((a.equals(PLUGINS) || a.equals(PREFER)) && i + 1 < args.length) {
                value = args[++i];
            }
            if (value == null) continue;
            if (option.equals(PLUGINS)) dirs.add(Path.of(value));
            else if (option.equals(PREFER)) preferred.add(value);
        }
        return new PluginOptions(List.copyOf(dirs), Set.copyOf(preferred));
    }

    /** The class path plus everything on the plugin path, each plugin in its own class loader. */
    Plugins load(ClassLoader application) {
        return Plugins.load(application, PluginPath.fromEnvironment(directories).bundles(), preferred);
    }
}
