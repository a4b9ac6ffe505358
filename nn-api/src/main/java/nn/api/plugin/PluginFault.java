package nn.api.plugin;

/** A plugin that could not be (fully) loaded: which one, and why. The others keep working. */
public record PluginFault(String plugin, String message) {
    @Override
    public String toString() {
        return "plugin " + plugin + ": " + message;
    }
}
