package nn.api.internal.kernels;

import nn.api.backend.ActiveBackend;
import nn.api.spi.Backend;
import nn.api.spi.DirectGemm;
import nn.api.spi.OpThreads;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The started backend's capability, not a guess from ND4J, decides whether the Java kernels run. */
class KernelChoiceTest {

    private static Backend reporting(Set<Backend.Capability> capabilities) {
        Backend b = mock(Backend.class);
        when(b.capabilities()).thenReturn(capabilities);
        when(b.opThreads()).thenReturn(OpThreads.FIXED);
        when(b.directGemm()).thenReturn(DirectGemm.NONE);
        return b;
    }

    @Test
    void aBackendWithoutHostMemoryKernelsLeavesEveryOpToNd4j() {
        INDArray floats = Nd4j.zeros(DataType.FLOAT, 4, 4); // host memory here: only the capability says no
        try {
            ActiveBackend.start(reporting(Set.of()), new Backend.Options(1));
            assertFalse(HostKernels.applies(floats));
        } finally {
            // What the CPU backend reports, so the tests after this one run as they would on it.
            ActiveBackend.start(reporting(Set.of(Backend.Capability.HOST_MEMORY_KERNELS)), new Backend.Options(1));
        }
        assertTrue(HostKernels.applies(floats));
    }

    @Test
    void forwardKernelsTakeLargerArraysThanTheRest() {
        INDArray inferenceBatch = Nd4j.zeros(DataType.FLOAT, 1000, 128); // an MLP's first layer at batch 1000
        assertFalse(HostKernels.small(inferenceBatch));
        assertTrue(HostKernels.smallForward(inferenceBatch));
        assertFalse(HostKernels.smallForward(Nd4j.zeros(DataType.FLOAT, 64, 32, 14, 14))); // a CNN's activations
    }
}
