package nn.api.plugin;

/** A plugin cannot be used: a name taken twice, or a provider that fails to load. */
public class PluginException extends RuntimeException {
    public PluginException(String message) {
        super(message);
    }
}
