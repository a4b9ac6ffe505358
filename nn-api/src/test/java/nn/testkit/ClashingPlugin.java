package nn.testkit;

import nn.api.spi.LayerProvider;
import org.example.clash.DenseAgain;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plugin on the test class path whose layer is named 'dense', as a plugin author's project
 * would be: its own class loader defines the provider and sees a service file naming it, and
 * the standard library through its parent. Kept apart so no other test's registry sees it.
 */
final class ClashingPlugin {
    private ClashingPlugin() {
    }

    static LayerProvider provider() throws Exception {
        return provider(DenseAgain.class);
    }

    /** A layer provider of the given class (in org.example.clash), defined by a class loader of its own that registers it. */
    static LayerProvider provider(Class<? extends LayerProvider> type) throws Exception {
        String className = type.getName();
        Path dir = Files.createTempDirectory("clashing-plugin");
        Path services = dir.resolve("META-INF/services/" + LayerProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, className + "\n");
        ClassLoader parent = ClashingPlugin.class.getClassLoader();
        URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, parent) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.equals(className)) return super.loadClass(name, resolve);
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : defineFromParent(name);
                }
            }

            private Class<?> defineFromParent(String name) throws ClassNotFoundException {
                try (InputStream in = parent.getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) throw new ClassNotFoundException(name);
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        };
        return (LayerProvider) loader.loadClass(className).getConstructor().newInstance();
    }
}
