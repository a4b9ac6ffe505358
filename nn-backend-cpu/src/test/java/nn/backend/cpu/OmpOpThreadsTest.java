package nn.backend.cpu;

import nn.api.spi.Backend;
import nn.api.spi.OpThreads;
import org.junit.jupiter.api.Test;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OpenMP's thread count on the calling thread follows narrowIfSmall and restore. */
class OmpOpThreadsTest {

    @Test
    void smallWorkRunsOnOneThreadUntilRestored() {
        Backend cpu = new CpuBackend();
        cpu.activate(new Backend.Options(1));
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int before = ops.ompGetMaxThreads();
        try {
            OpThreads threads = new OmpOpThreads(ops, 2, 1_000);
            threads.restore();
            assertEquals(2, ops.ompGetMaxThreads());
            assertFalse(threads.narrowIfSmall(1_000));
            assertEquals(2, ops.ompGetMaxThreads());
            assertTrue(threads.narrowIfSmall(999));
            assertEquals(1, ops.ompGetMaxThreads());
            threads.restore();
            assertEquals(2, ops.ompGetMaxThreads());
        } finally {
            ops.setOmpNumThreads(before);
        }
    }

    @Test
    void oneThreadHasNothingToNarrow() {
        Backend cpu = new CpuBackend();
        cpu.activate(new Backend.Options(1));
        assertSame(OpThreads.FIXED, cpu.opThreads());
    }
}
