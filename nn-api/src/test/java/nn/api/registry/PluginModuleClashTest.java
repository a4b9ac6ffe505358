package nn.api.registry;

import com.google.inject.Module;
import nn.api.plugin.PluginBundle;
import nn.api.plugin.Plugins;
import nn.stdlib.activation.Relu;
import org.example.clash.ActivationsModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a plugin's Guice module binds meets the same name-clash rule as what its service files name. */
class PluginModuleClashTest {
    @TempDir
    Path dir;

    /** A plugin jar whose only content is the service file naming {@link ActivationsModule}. */
    private Plugins plugin(Set<String> preferred) throws IOException {
        Path jar = dir.resolve("module-plugin.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("META-INF/services/" + Module.class.getName()));
            out.write((ActivationsModule.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return Plugins.load(getClass().getClassLoader(), List.of(new PluginBundle("module-plugin.jar", jar, List.of(jar))),
                preferred);
    }

    @Test
    void aModulesProviderNamedLikeABuiltInIsLeftOutWithAFaultAndTheRestLoads() throws IOException {
        Plugins plugins = plugin(Set.of());
        Registry registry = Registry.load(plugins);
        assertEquals(Relu.Provider.class, registry.activations().get("relu").getClass());
        assertEquals(ActivationsModule.Linear.class, registry.activations().get("linear_from_module").getClass());
        assertTrue(plugins.faults().toString().contains("plugin module-plugin.jar: 'relu' is already a built-in activation, so "
                + ActivationsModule.PluginRelu.class.getName() + " is left out: rename it (or replace nn's own 'relu' in"
                + " every model with --prefer module-plugin.jar)"), plugins.faults().toString());
    }

    @Test
    void preferringThePluginMakesItsModulesProviderWin() throws IOException {
        Plugins plugins = plugin(Set.of("module-plugin.jar"));
        Registry registry = Registry.load(plugins);
        assertEquals(ActivationsModule.PluginRelu.class, registry.activations().get("relu").getClass());
        assertTrue(plugins.faults().stream().noneMatch(f -> f.toString().contains("'relu'")), plugins.faults().toString());
    }

    @Test
    void withoutRegistryModuleTheProvidersModuleSeesServiceFilesOnly() throws IOException {
        Registry registry = com.google.inject.Guice.createInjector(new ProvidersModule(plugin(Set.of())))
                .getInstance(Registry.class);
        assertTrue(!registry.activations().containsKey("linear_from_module"), registry.activations().keySet().toString());
    }
}
