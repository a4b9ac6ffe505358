package nn.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** nn's version, written into a resource by the build. */
public final class Version implements CommandLine.IVersionProvider {
    public static String nn() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/nn/cli/version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // no version resource: a development build
        }
        return p.getProperty("version", "dev");
    }

    @Override
    public String[] getVersion() {
        return new String[]{"nn " + nn() + " (ND4J 1.0.0-M2.1, Java " + System.getProperty("java.version") + ")"};
    }
}
