package nn.api.backend;

import nn.api.spi.Backend;
import nn.api.spi.Backend.Availability;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Selection with Mockito-faked backends: nothing here loads ND4J. */
class BackendSelectorTest {
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();

    private static Backend backend(String name, int rank, Availability availability) {
        Backend b = mock(Backend.class);
        when(b.name()).thenReturn(name);
        when(b.rank()).thenReturn(rank);
        when(b.probe()).thenReturn(availability);
        return b;
    }

    private BackendSelector selector(Backend... backends) {
        Map<String, Backend> byName = new LinkedHashMap<>();
        for (Backend b : backends) byName.put(b.name(), b);
        return new BackendSelector(byName, env::get, warnings::add);
    }

    private final Backend cpu = backend("cpu", 0, Availability.yes());
    private final Backend noGpu = backend("cuda", 100, Availability.no("no NVIDIA driver"));
    private final Backend gpu = backend("cuda", 100, Availability.yes());

    @Test
    void aNamedBackendThatCannotRunIsAnErrorWithItsReasonNeverAFallBack() {
        BackendChoiceException e = assertThrows(BackendChoiceException.class, () -> selector(cpu, noGpu).select("cuda", null));
        assertTrue(e.getMessage().contains("backend 'cuda' cannot run here: no NVIDIA driver"), e.getMessage());
        assertTrue(e.getMessage().contains("--backend cpu"), e.getMessage());
        assertTrue(warnings.isEmpty());
    }

    @Test
    void aKnownBackendWhoseModuleIsMissingSaysWhichModule() {
        BackendChoiceException e = assertThrows(BackendChoiceException.class, () -> selector(cpu).select("cuda", null));
        assertTrue(e.getMessage().contains("nn-backend-cuda is not on the class path"), e.getMessage());
    }

    @Test
    void anUnknownNameIsBadInput() {
        BackendChoiceException e = assertThrows(BackendChoiceException.class, () -> selector(cpu, gpu).select("tpu", null));
        assertTrue(e.getMessage().contains("choose cpu, cuda or auto"), e.getMessage());
        assertTrue(e.badInput());
    }

    @Test
    void autoTakesTheHighestRankedBackendThatCanRunSilently() {
        assertSame(gpu, selector(cpu, gpu).select("auto", null));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void autoFallsBackToTheNextWithOneWarningLine() {
        assertSame(cpu, selector(cpu, noGpu).select(null, null));
        assertEquals(List.of("cuda is not available (no NVIDIA driver; `nn backends` says more); using cpu"), warnings);
    }

    @Test
    void autoSaysNothingAboutABackendThisBuildDoesNotContain() {
        Backend notBuilt = backend("cuda", 100, Availability.notBuilt("nd4j-cuda-11.6 is not on the class path"));
        assertEquals("cpu", selector(notBuilt, cpu).select(null, null).name());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void theWarningNamesOnlyTheFirstProblemWithoutItsExplanation() {
        assertEquals("nd4j-cuda-11.6 is not on the class path",
                BackendSelector.firstProblem("nd4j-cuda-11.6 is not on the class path: rebuild with -Pcuda; no NVIDIA driver: none"));
        assertEquals("no NVIDIA driver", BackendSelector.firstProblem("no NVIDIA driver"));
    }

    @Test
    void nnBackendIsTheDefaultAndTheFlagOverridesIt() {
        env.put(BackendSelector.ENV, "cpu");
        assertSame(cpu, selector(cpu, gpu).select(null, "cuda"));
        assertSame(gpu, selector(cpu, gpu).select("cuda", null));
    }

    @Test
    void theFilesChoiceAppliesWhenNothingElseDoes() {
        assertSame(cpu, selector(cpu, gpu).select(null, "cpu"));
    }

    @Test
    void selectingNeverActivatesAnything() {
        selector(cpu, noGpu).select("auto", null);
        verify(cpu, never()).activate(any());
        verify(noGpu, never()).activate(any());
    }

    @Test
    void noBackendThatCanRunListsEveryReason() {
        Backend badCpu = backend("cpu", 0, Availability.no("this processor has no AVX2"));
        BackendChoiceException e = assertThrows(BackendChoiceException.class, () -> selector(badCpu, noGpu).select("auto", null));
        assertTrue(e.getMessage().contains("no NVIDIA driver") && e.getMessage().contains("no AVX2"), e.getMessage());
    }
}
