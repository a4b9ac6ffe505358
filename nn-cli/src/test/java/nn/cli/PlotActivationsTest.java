package nn.cli;

import nn.api.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `nn plot activations`: one PNG per registered activation and the overview sheet. */
class PlotActivationsTest {
    @TempDir
    Path dir;

    @Test
    void drawsEveryRegisteredActivationAndTheSheet() throws Exception {
        CliRun run = CliRun.of("plot", "activations", "-o", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        var names = Registry.load().activations().keySet();
        assertTrue(names.containsAll(java.util.List.of("relu", "sigmoid", "tanh", "step")), names.toString());
        for (String name : names) {
            PngCheck.check(dir.resolve("activation-" + name + ".png"), 640, 440);
        }
        int rows = (names.size() + 3) / 4;
        PngCheck.check(dir.resolve("activations.png"), 4 * 360, rows * 270);
        assertTrue(run.out().contains("(" + names.size() + " activations)"), run.out());
    }

    @Test
    void aParameterForAnActivationThatDoesNotExistIsBadInput() {
        CliRun run = CliRun.of("plot", "activations", "-o", dir.toString(), "--param", "sigmiod.alpha=1");
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("no activation named 'sigmiod'"), run.err());
        assertFalse(run.err().contains("at nn."), "no stack trace: " + run.err());
    }

    @Test
    void aValueOfTheWrongTypeIsBadInputNamingTheParameter() {
        CliRun run = CliRun.of("plot", "activations", "-o", dir.toString(), "--param", "step.threshold=high");
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("threshold"), run.err());
    }
}
