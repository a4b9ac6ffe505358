package nn.backend.cpu;

import nn.api.registry.Registry;
import nn.api.spi.Backend;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuBackendTest {

    @Test
    void isDiscoveredThroughServiceLoader() {
        assertInstanceOf(CpuBackend.class, Registry.load().backends().get("cpu"));
    }

    @Test
    void reportsHostMemorySoNnsJavaKernelsRun() {
        assertEquals(java.util.Set.of(Backend.Capability.HOST_MEMORY_KERNELS), new CpuBackend().capabilities());
    }

    @Test
    void activatesWithTheRequestedThreadsAndComputes() {
        Backend cpu = new CpuBackend();
        assertTrue(cpu.probe().available(), cpu.probe().reason());
        cpu.activate(new Backend.Options(1));
        assertEquals("1", cpu.describe().get("threads"));
        // The one variant shipped: never the AVX-512 build that crashes these processors.
        assertEquals("linux-x86_64-onednn-avx2", cpu.describe().get("natives"));
        INDArray a = Nd4j.createFromArray(new float[][]{{1, 2}, {3, 4}});
        INDArray b = Nd4j.createFromArray(new float[][]{{5, 6}, {7, 8}});
        assertEquals(Nd4j.createFromArray(new float[][]{{19, 22}, {43, 50}}), a.mmul(b));
    }
}
