package nn.backend.cuda;

import nn.api.registry.Registry;
import nn.api.spi.Backend;
import nn.api.spi.BackendException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CudaBackendTest {
    @TempDir
    Path dir;

    private NvidiaDriver driver(String procText, boolean withLibcuda) throws Exception {
        Path proc = dir.resolve("version");
        if (procText != null) Files.writeString(proc, procText);
        Path libs = Files.createDirectories(dir.resolve("lib"));
        if (withLibcuda) Files.writeString(libs.resolve(NvidiaDriver.LIBCUDA), "");
        return NvidiaDriver.detect(proc, libs.toString());
    }

    @Test
    void isDiscoveredThroughServiceLoaderAndRanksAboveTheCpu() {
        Backend cuda = Registry.load().backends().get("cuda");
        assertInstanceOf(CudaBackend.class, cuda);
        assertEquals(100, cuda.rank());
    }

    @Test
    void reportsNoHostMemoryKernelsItsArraysLiveOnTheDevice() {
        assertTrue(new CudaBackend().capabilities().isEmpty());
    }

    @Test
    void readsTheKernelModuleVersion() throws Exception {
        NvidiaDriver d = driver("NVRM version: NVIDIA UNIX x86_64 Kernel Module  510.47.03  Mon Jan 24 22:58:54 UTC 2022\n", true);
        assertEquals("510.47.03", d.version().orElseThrow().toString());
        assertNull(d.problem());
    }

    @Test
    void noDriverIsSaidInSoManyWords() throws Exception {
        String problem = driver(null, false).problem();
        assertTrue(problem.startsWith("no NVIDIA driver"), problem);
        assertTrue(problem.contains("libcuda.so.1"), problem);
    }

    @Test
    void aDriverOlderThanCuda116NeedsIsTooOld() throws Exception {
        String problem = driver("NVRM version: NVIDIA UNIX x86_64 Kernel Module  440.33.01  Wed Nov 13 00:00:22 UTC 2019\n", true).problem();
        assertTrue(problem.contains("440.33.01 is too old for CUDA 11.6"), problem);
        assertTrue(problem.contains(">= 450.80.02"), problem);
    }

    @Test
    void aDriverWithMinorVersionCompatibilityIsAccepted() throws Exception {
        assertNull(driver("NVRM version: NVIDIA UNIX x86_64 Kernel Module  470.57.02  Tue Jul 13 16:14:05 UTC 2021\n", true).problem());
    }

    @Test
    void withoutTheCudaJarAndDriverTheProbeGivesBothReasonsAndActivationRefuses() throws Exception {
        NvidiaDriver none = driver(null, false);
        CudaBackend cuda = new CudaBackend(getClass().getClassLoader(), () -> none);
        Backend.Availability a = cuda.probe();
        assertFalse(a.available());
        assertTrue(a.reason().contains("nd4j-cuda-11.6 is not on the class path"), a.reason());
        assertTrue(a.reason().contains("-Pcuda"), a.reason());
        assertTrue(a.reason().contains("no NVIDIA driver"), a.reason());
        BackendException e = assertThrows(BackendException.class, () -> cuda.activate(new Backend.Options(1)));
        assertTrue(e.getMessage().startsWith("CUDA cannot run here: "), e.getMessage());
    }

    @Test
    void describesTheDriverWithoutLoadingAnything() throws Exception {
        NvidiaDriver none = driver(null, false);
        var facts = new CudaBackend(getClass().getClassLoader(), () -> none).describe();
        assertEquals("none", facts.get("nvidia driver"));
        assertTrue(facts.get("nd4j cuda classes").startsWith("absent"));
    }
}
