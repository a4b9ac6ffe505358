package nn.api.plugin;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where plugin jars are looked for, in order: directories given with {@code --plugins}, then
 * {@code NN_PLUGIN_PATH} (separated like a class path), then {@code ~/.nn/plugins}. A directory
 * given explicitly must exist; the default one may be absent. A jar may also be named directly.
 */
public final class PluginPath {
    public static final String ENVIRONMENT_VARIABLE = "NN_PLUGIN_PATH";

    private final List<Path> explicit;
    private final List<Path> optional;

    private PluginPath(List<Path> explicit, List<Path> optional) {
        this.explicit = List.copyOf(explicit);
        this.optional = List.copyOf(optional);
    }

    /** Flags first, then the environment variable's entries, then the user's own directory. */
    public static PluginPath of(List<Path> flags, String environmentValue, Path userHome) {
        List<Path> explicit = new ArrayList<>(flags);
        if (environmentValue != null) {
            for (String entry : environmentValue.split(File.pathSeparator)) {
                if (!entry.isBlank()) explicit.add(Path.of(entry.trim()));
            }
        }
        List<Path> optional = userHome == null ? List.of() : List.of(userHome.resolve(".nn").resolve("plugins"));
        return new PluginPath(explicit, optional);
    }

    /** The process's own settings: {@code NN_PLUGIN_PATH} and the home directory. */
    public static PluginPath fromEnvironment(List<Path> flags) {
        return of(flags, System.getenv(ENVIRONMENT_VARIABLE), Path.of(System.getProperty("user.home")));
    }

    public static PluginPath none() {
        return new PluginPath(List.of(), List.of());
    }

    /** Every plugin on the path; a directory or jar listed twice is taken once. */
    public List<PluginBundle> bundles() {
        Set<Path> seen = new LinkedHashSet<>();
        List<PluginBundle> bundles = new ArrayList<>();
        for (Path p : explicit) {
            if (!Files.exists(p)) throw new PluginException("plugin directory " + p + " does not exist");
            collect(p, seen, bundles);
        }
        for (Path p : optional) if (Files.isDirectory(p)) collect(p, seen, bundles);
        return bundles;
    }

    private static void collect(Path entry, Set<Path> seen, List<PluginBundle> bundles) {
        Path real = entry.toAbsolutePath().normalize();
        if (!seen.add(real)) return;
        if (isJar(real)) {
            bundles.add(new PluginBundle(real.getFileName().toString(), real, List.of(real)));
            return;
        }
        for (Path child : list(real)) {
            if (isJar(child) && seen.add(child)) {
                bundles.add(new PluginBundle(child.getFileName().toString(), child, List.of(child)));
            } else if (Files.isDirectory(child) && seen.add(child)) {
                List<Path> jars = list(child).stream().filter(PluginPath::isJar).toList();
                if (!jars.isEmpty()) bundles.add(new PluginBundle(child.getFileName().toString(), child, jars));
            }
        }
    }

    /** Jars, leaving out the source, javadoc and test jars Maven puts beside a plugin. */
    private static boolean isJar(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && name.endsWith(".jar") && !name.endsWith("-sources.jar")
                && !name.endsWith("-javadoc.jar") && !name.endsWith("-tests.jar");
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
