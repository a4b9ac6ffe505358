package nn.cli;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens the built nn.jar (this runs after the shade step) and checks that merging kept every
 * service registration: for each provider class that some jar or module registers and that
 * nn.jar contains, nn.jar's merged service file lists it. Fat jars that keep only the first
 * file of each name lose whole plugin kinds this way.
 */
class FatJarServicesIT {
    private static final String SERVICES = "META-INF/services/";

    @Test
    void everyBundledProviderIsStillRegistered() throws IOException {
        Path nnJar = CliRun.projectDir().resolve("nn-cli/target/nn.jar");
        assertTrue(Files.isRegularFile(nnJar), "no " + nnJar);
        try (JarFile fat = new JarFile(nnJar.toFile())) {
            List<String> lost = new ArrayList<>();
            int checked = 0;
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                for (Registration r : registrations(Path.of(entry))) {
                    if (fat.getEntry(r.className().replace('.', '/') + ".class") == null) continue; // not bundled
                    checked++;
                    if (!serviceLines(fat, r.kind()).contains(r.className())) lost.add(r + " (from " + entry + ")");
                }
            }
            assertTrue(lost.isEmpty(), "registrations lost in nn.jar: " + lost);
            assertTrue(checked > 60, "expected nn's own and ND4J's providers to be checked, got " + checked);
        }
    }

    @Test
    void nnsOwnProvidersAndNd4jsBackendAreInTheMergedFiles() throws IOException {
        Path nnJar = CliRun.projectDir().resolve("nn-cli/target/nn.jar");
        try (JarFile fat = new JarFile(nnJar.toFile())) {
            Set<String> layers = serviceLines(fat, "nn.api.spi.LayerProvider");
            assertTrue(layers.contains("nn.stdlib.layer.Dense$Provider") && layers.contains("nn.stdlib.layer.Conv2d$Provider"), layers.toString());
            Set<String> datasets = serviceLines(fat, "nn.api.spi.DatasetProvider");
            assertEquals(Set.of("nn.datasets.mnist.MnistProvider", "nn.datasets.mnist.FashionMnistProvider",
                    "nn.datasets.table.CsvProvider", "nn.datasets.numpy.NpyProvider", "nn.datasets.numpy.NpzProvider",
                    "nn.datasets.images.ImagesProvider"), datasets);
            Set<String> backends = serviceLines(fat, "nn.api.spi.Backend");
            assertEquals(2, backends.size(), "cpu and cuda: " + backends);
            assertTrue(serviceLines(fat, "org.nd4j.linalg.factory.Nd4jBackend").contains("org.nd4j.linalg.cpu.nativecpu.CpuBackend"));
        }
    }

    private record Registration(String kind, String className) {
    }

    /** Every (service, class) a class-path entry registers: a jar's or a classes directory's service files. */
    private static List<Registration> registrations(Path entry) throws IOException {
        List<Registration> found = new ArrayList<>();
        if (Files.isDirectory(entry)) {
            Path dir = entry.resolve(SERVICES);
            if (!Files.isDirectory(dir)) return found;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    for (String c : parse(Files.readString(f))) found.add(new Registration(f.getFileName().toString(), c));
                }
            }
        } else if (entry.toString().endsWith(".jar") && Files.isRegularFile(entry)) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                for (JarEntry e : java.util.Collections.list(jar.entries())) {
                    String name = e.getName();
                    if (!name.startsWith(SERVICES) || e.isDirectory() || name.substring(SERVICES.length()).contains("/")) continue;
                    for (String c : parse(read(jar, e))) found.add(new Registration(name.substring(SERVICES.length()), c));
                }
            }
        }
        return found;
    }

    private static Set<String> serviceLines(JarFile jar, String kind) throws IOException {
        JarEntry e = jar.getJarEntry(SERVICES + kind);
        return e == null ? Set.of() : new LinkedHashSet<>(parse(read(jar, e)));
    }

    private static String read(JarFile jar, JarEntry e) throws IOException {
        try (InputStream in = jar.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> parse(String text) {
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (!name.isEmpty()) names.add(name);
        }
        return names;
    }
}
