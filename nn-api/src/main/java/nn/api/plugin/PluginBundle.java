package nn.api.plugin;

import java.nio.file.Path;
import java.util.List;

/**
 * One plugin found in a plugin directory: a jar on its own, or a folder whose jars (the plugin
 * and the libraries it needs) share one class loader. Its name is what messages and
 * {@code --prefer} use: the jar's or the folder's file name.
 */
public record PluginBundle(String name, Path location, List<Path> jars) {
    public PluginBundle {
        jars = List.copyOf(jars);
    }

    /** Whether {@code wanted} names this plugin: its file name, with or without ".jar". */
    public boolean isNamed(String wanted) {
        return name.equals(wanted) || name.equals(wanted + ".jar") || stem().equals(wanted);
    }

    private String stem() {
        return name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
    }
}
