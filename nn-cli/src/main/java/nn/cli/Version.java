package nn.cli;

import picocli.CommandLine;

/** `nn --version`. */
public final class Version implements CommandLine.IVersionProvider {
    public static String nn() {
        return nn.api.NnVersion.current();
    }

    @Override
    public String[] getVersion() {
        return new String[]{"nn " + nn() + " (ND4J 1.0.0-M2.1, Java " + System.getProperty("java.version") + ")"};
    }
}
