package nn.api.plugin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginPathTest {
    @TempDir
    Path tmp;

    @Test
    void flagsThenTheEnvironmentVariableThenTheUsersOwnDirectory() throws IOException {
        Path flag = jar(tmp.resolve("flag/a.jar")).getParent();
        Path env1 = jar(tmp.resolve("env1/b.jar")).getParent();
        Path env2 = jar(tmp.resolve("env2/c.jar")).getParent();
        Path home = tmp.resolve("home");
        jar(home.resolve(".nn/plugins/d.jar"));
        List<PluginBundle> bundles = PluginPath.of(List.of(flag), env1 + File.pathSeparator + env2, home).bundles();
        assertEquals(List.of("a.jar", "b.jar", "c.jar", "d.jar"), bundles.stream().map(PluginBundle::name).toList());
    }

    @Test
    void aFolderIsOnePluginWithItsLibrariesAndMavenSideJarsAreLeftOut() throws IOException {
        jar(tmp.resolve("plugins/solo.jar"));
        jar(tmp.resolve("plugins/solo-sources.jar"));
        jar(tmp.resolve("plugins/solo-tests.jar"));
        jar(tmp.resolve("plugins/withlibs/plugin.jar"));
        jar(tmp.resolve("plugins/withlibs/commons-math.jar"));
        Files.createDirectories(tmp.resolve("plugins/classes")); // as in a Maven target/: no jars, not a plugin
        List<PluginBundle> bundles = PluginPath.of(List.of(tmp.resolve("plugins")), null, null).bundles();
        assertEquals(List.of("solo.jar", "withlibs"), bundles.stream().map(PluginBundle::name).toList());
        assertEquals(2, bundles.get(1).jars().size());
    }

    @Test
    void aDirectoryListedTwiceIsReadOnceAndAJarMayBeNamedDirectly() throws IOException {
        Path jar = jar(tmp.resolve("p/x.jar"));
        List<PluginBundle> bundles = PluginPath.of(List.of(jar.getParent(), jar), jar.getParent().toString(), null).bundles();
        assertEquals(1, bundles.size());
        assertTrue(bundles.get(0).isNamed("x") && bundles.get(0).isNamed("x.jar"));
    }

    @Test
    void anExplicitDirectoryMustExistButTheDefaultOneMayNot() {
        PluginException e = assertThrows(PluginException.class,
                () -> PluginPath.of(List.of(tmp.resolve("missing")), null, tmp).bundles());
        assertTrue(e.getMessage().contains("missing does not exist"), e.getMessage());
        assertEquals(List.of(), PluginPath.of(List.of(), null, tmp.resolve("no-home")).bundles());
    }

    private static Path jar(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        new JarOutputStream(Files.newOutputStream(path)).close();
        return path;
    }
}
