package nn.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** nn's version, written into a resource by the build; checkpoints and the CLI report it. */
public final class NnVersion {
    private static final String VERSION = read();

    private NnVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = NnVersion.class.getResourceAsStream("/nn/api/version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // no version resource: a development build
        }
        String v = p.getProperty("version", "dev");
        return v.startsWith("${") ? "dev" : v;
    }
}
