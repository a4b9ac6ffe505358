package nn.api.registry;

import nn.api.plugin.Plugins;

/** Whether a provider is nn's own (the standard library and nn's modules) rather than a plugin's: it decides name clashes. */
public final class BuiltIn {
    private BuiltIn() {
    }

    /** nn's own providers come from the application class path and live in nn's {@code nn.} packages. */
    public static boolean is(Class<?> providerClass, String plugin) {
        return Plugins.CLASSPATH.equals(plugin) && providerClass.getName().startsWith("nn.");
    }
}
