package nn.api.backend;

import org.nd4j.common.config.ND4JClassLoading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * A class loader that shows ND4J only the one backend nn selected. ND4J finds its backend
 * with a ServiceLoader over {@link ND4JClassLoading#getNd4jClassloader()}; with nd4j-native
 * and nd4j-cuda both on the class path it would try CUDA first and, without a GPU, print a
 * stack trace before falling back. This loader rewrites the
 * `META-INF/services/org.nd4j.linalg.factory.Nd4jBackend` files so that only the selected
 * implementation is listed (also in a fat jar, where both are merged into one file); the
 * other backend's class is never loaded, let alone initialised. Classes load from the parent.
 */
public final class Nd4jBackendFilter extends ClassLoader {
    public static final String SERVICE_FILE = "META-INF/services/org.nd4j.linalg.factory.Nd4jBackend";

    private final Set<String> keep;

    public Nd4jBackendFilter(ClassLoader parent, Set<String> keep) {
        super(parent);
        this.keep = Set.copyOf(keep);
    }

    /** Makes ND4J see only {@code implementation}; call before anything touches {@code Nd4j}. */
    public static void installKeepingOnly(String implementation, Class<?> anchor) {
        ND4JClassLoading.setNd4jClassloader(new Nd4jBackendFilter(anchor.getClassLoader(), Set.of(implementation)));
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> found = super.getResources(name);
        if (!SERVICE_FILE.equals(name)) return found;
        List<URL> kept = new ArrayList<>();
        for (URL url : Collections.list(found)) {
            String filtered = filter(read(url));
            if (!filtered.isBlank()) kept.add(inMemory(url, filtered));
        }
        return Collections.enumeration(kept);
    }

    @Override
    public URL getResource(String name) {
        if (!SERVICE_FILE.equals(name)) return super.getResource(name);
        try {
            Enumeration<URL> all = getResources(name);
            return all.hasMoreElements() ? all.nextElement() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service file's lines naming a kept implementation; comments and others dropped. */
    String filter(String serviceFile) {
        StringBuilder out = new StringBuilder();
        for (String line : serviceFile.split("\n")) {
            String entry = line.replaceFirst("#.*", "").trim();
            if (keep.contains(entry)) out.append(entry).append('\n');
        }
        return out.toString();
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("deprecation") // URL(URL, String, URLStreamHandler) is the way to serve bytes as a URL on Java 17
    private static URL inMemory(URL original, String content) throws MalformedURLException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new URL(null, "nn-filtered:" + original, new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL u) {
                return new URLConnection(u) {
                    @Override
                    public void connect() {
                    }

                    @Override
                    public InputStream getInputStream() {
                        return new ByteArrayInputStream(bytes);
                    }
                };
            }
        });
    }
}
