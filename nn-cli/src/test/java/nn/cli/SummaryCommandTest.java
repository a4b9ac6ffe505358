package nn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryCommandTest {

    @Test
    void aRowPerNodeWithOperationShapeParametersAndInputs() {
        CliRun run = CliRun.of("summary", CliRun.example("residual.nn"));
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.startsWith("model residual_mlp\n"), out);
        assertTrue(out.matches("(?s).*node\\s+operation\\s+output shape\\s+params\\s+inputs\n.*"), out);
        assertTrue(out.matches("(?s).*\nimage\\s+input\\s+\\[1, 28, 28]\\s+0\n.*"), out);
        // the residual addition reads the block's input and its second dense layer
        assertTrue(out.matches("(?s).*\nresidual_1\\.add_1\\s+add\\s+\\[128]\\s+0\\s+stem, residual_1\\.h\n.*"), out);
        // 784*128+128 + 3 blocks * 2 * (128*128+128) + 128*10+10
        assertTrue(out.contains("total parameters: 200,842"), out);
        assertTrue(out.contains("inputs: 1, nodes: 19, outputs: logits"), out);
    }

    @Test
    void warningsGoToStandardErrorAndDoNotFail(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("spare.nn");
        Files.writeString(file, "model m {\n    input x: [4]\n    x -> dense(2) -> y\n    x -> dense(3) -> z\n"
                + "    output y\n}\n");
        CliRun run = CliRun.of("summary", file.toString());
        assertEquals(0, run.exitCode());
        assertTrue(run.err().contains("spare.nn:4:10: warning: node 'z' is never used"), run.err());
        assertTrue(run.out().contains("total parameters: 25"), run.out());
    }

    @Test
    void aBadFileExitsWithTwo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.nn");
        Files.writeString(file, "model m {\n    input x: [4]\n    x -> dense(0) -> y\n    output y\n}\n");
        CliRun run = CliRun.of("summary", file.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("bad.nn:3:16: error: 'units' is 0, out of range"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
