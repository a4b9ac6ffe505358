package nn.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginsCommandTest {

    @Test
    void listsEveryStandardProviderWithItsParameters() {
        CliRun run = CliRun.of("plugins");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        for (String name : new String[]{"dense", "flatten", "step", "sigmoid", "tanh", "relu", "leaky_relu", "elu",
                "identity", "softmax", "cross_entropy", "mse", "sgd", "adam", "xavier", "he", "zeros", "mnist", "cpu"}) {
            assertTrue(out.matches("(?s).*\\n  " + name + " .*"), name + " missing from:\n" + out);
        }
        assertTrue(out.contains("units: int >= 1 (required)"), out);
        assertTrue(out.contains("threshold: float = 0.0"), out);
        assertTrue(out.contains("nn-api"), "origins should name the jar or classes directory:\n" + out);
    }
}
