package nn.backend.cpu;

import nn.api.spi.BackendException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeVariantTest {
    private final ClassLoader loader = getClass().getClassLoader();

    private static CpuFeatures cpu(String... flags) {
        return new CpuFeatures(Set.of(flags), "test cpu");
    }

    @Test
    void readsTheFlagsOfTheFirstProcessor() {
        CpuFeatures f = CpuFeatures.parse("processor\t: 0\nmodel name\t: AMD EPYC\nflags\t\t: fpu sse2 avx avx2 avx512f\n\nprocessor : 1\nflags : fpu\n");
        assertTrue(f.avx2());
        assertTrue(f.avx512());
        assertEquals("AMD EPYC", f.model());
        assertEquals("AVX2 yes, AVX-512 yes", f.summary());
    }

    @Test
    void anAvx2ProcessorGetsTheShippedOneDnnAvx2Build() {
        assertEquals("onednn-avx2", new NativeVariant(cpu("avx", "avx2"), null, loader).choose());
    }

    @Test
    void avx512IsNeverChosenByItself() {
        assertEquals("onednn-avx2", new NativeVariant(cpu("avx2", "avx512f"), null, loader).choose());
    }

    @Test
    void aProcessorWithoutAvx2IsToldWhatToDoInsteadOfCrashing() {
        NativeVariant v = new NativeVariant(cpu("sse2", "avx"), null, loader);
        BackendException e = assertThrows(BackendException.class, v::choose);
        assertTrue(e.getMessage().contains("no AVX2"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dnn.cpu.variant=generic"), e.getMessage());
        assertFalse(v.probe().available());
    }

    @Test
    void thePropertyOverridesDetectionWhenThoseNativesArePresent() {
        assertEquals("onednn-avx2", new NativeVariant(cpu("sse2"), "onednn-avx2", loader).choose());
        BackendException e = assertThrows(BackendException.class, () -> new NativeVariant(cpu("avx2"), "avx512", loader).choose());
        assertTrue(e.getMessage().contains("linux-x86_64-avx512"), e.getMessage());
    }
}
