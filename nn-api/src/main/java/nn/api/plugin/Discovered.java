package nn.api.plugin;

/** A provider instance, the plugin it came from ("classpath" for the application's own), and whether the user preferred that plugin. */
public record Discovered<T>(T instance, String plugin, boolean preferred) {
}
