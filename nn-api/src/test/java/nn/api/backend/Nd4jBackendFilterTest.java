package nn.api.backend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.common.io.Resource;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4jBackend;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both ND4J backends on one class path: ND4J must see only the selected one and never touch the other. */
class Nd4jBackendFilterTest {
    static final AtomicBoolean GPU_INITIALISED = new AtomicBoolean();

    @TempDir
    Path dir;

    @Test
    void nd4jsOwnServiceLookupSeesOnlyTheKeptBackendAndNeverInitialisesTheOther() throws Exception {
        ClassLoader bothOnClassPath = classPathListingBoth();
        ClassLoader before = ND4JClassLoading.getNd4jClassloader();
        try {
            ND4JClassLoading.setNd4jClassloader(new Nd4jBackendFilter(bothOnClassPath, Set.of(FakeCpu.class.getName())));
            List<String> found = new ArrayList<>();
            // The same call Nd4jBackend.load() makes.
            for (Nd4jBackend b : ND4JClassLoading.loadService(Nd4jBackend.class)) found.add(b.getClass().getName());
            assertEquals(List.of(FakeCpu.class.getName()), found);
            assertFalse(GPU_INITIALISED.get(), "the hidden backend's class was initialised");
        } finally {
            ND4JClassLoading.setNd4jClassloader(before);
        }
    }

    @Test
    void withoutTheFilterBothAreListed() throws Exception {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(Nd4jBackend.class, classPathListingBoth()).stream().forEach(p -> names.add(p.type().getName()));
        assertTrue(names.containsAll(List.of(FakeCpu.class.getName(), FakeGpu.class.getName())), names.toString());
    }

    @Test
    void keepsOnlyTheNamedLineOfAMergedServiceFile() {
        Nd4jBackendFilter filter = new Nd4jBackendFilter(getClass().getClassLoader(), Set.of("a.Cpu"));
        assertEquals("a.Cpu\n", filter.filter("# licence\na.Cpu # comment\n\nb.Gpu\n"));
    }

    /** A class path whose merged service file lists both backends, as a fat jar with both would. */
    private ClassLoader classPathListingBoth() throws Exception {
        Path services = dir.resolve(Nd4jBackendFilter.SERVICE_FILE);
        Files.createDirectories(services.getParent());
        Files.writeString(services, "# merged\n" + FakeCpu.class.getName() + "\n" + FakeGpu.class.getName() + "\n");
        return new URLClassLoader(new URL[]{dir.toUri().toURL()}, getClass().getClassLoader());
    }

    public static class FakeCpu extends FakeBackend {
    }

    public static class FakeGpu extends FakeBackend {
        static {
            GPU_INITIALISED.set(true);
        }
    }

    abstract static class FakeBackend extends Nd4jBackend {
        public boolean allowsOrder() { return false; }
        public int getPriority() { return 0; }
        public boolean isAvailable() { return true; }
        public boolean canRun() { return true; }
        public Resource getConfigurationResource() { return null; }
        public Class getNDArrayClass() { return null; }
        public Environment getEnvironment() { return null; }
        public String buildInfo() { return ""; }
        public void logBackendInit() { }
    }
}
