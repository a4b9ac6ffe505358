package nn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {

    @Test
    void printsTheLayerTableWithShapesAndParameterCounts() {
        CliRun run = CliRun.of("check", CliRun.example("mnist-mlp.nn"));
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("model mnist_mlp"), out);
        // 784*128+128, 128*64+64, 64*10+10
        assertTrue(out.matches("(?s).*dense\\s+\\[128]\\s+100,480.*"), out);
        assertTrue(out.matches("(?s).*dense\\s+\\[64]\\s+8,256.*"), out);
        assertTrue(out.matches("(?s).*logits\\s+dense\\s+\\[10]\\s+650.*"), out);
        assertTrue(out.contains("total parameters: 109,386"), out);
    }

    @Test
    void aBadFileExitsWithTwoAndPointsAtTheMistake(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.nn");
        Files.writeString(bad, """
                model m {
                    input image: [1, 28, 28]
                    image -> flatten() -> dense2(10) -> logits
                    output logits
                }
                """);
        CliRun run = CliRun.of("check", bad.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("bad.nn:3:27: error: unknown operation 'dense2'"), run.err());
        assertTrue(run.err().contains("did you mean 'dense'?"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void aMissingFileIsBadInputWithoutStackTrace() {
        CliRun run = CliRun.of("check", "no/such/model.nn");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no/such/model.nn"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void warningsGoToStandardErrorAndTheExitCodeStaysZero(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("unused.nn");
        Files.writeString(file, """
                model m {
                    input image: [1, 28, 28]
                    input extra: [3]
                    image -> flatten() -> dense(10) -> logits
                    output logits
                }
                """);
        CliRun run = CliRun.of("check", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("unused.nn:3:11: warning: input 'extra' is never used"), run.err());
        assertTrue(run.out().contains("total parameters: 7,850"), run.out());
    }

    @Test
    void everyExampleChecksClean() {
        for (String example : new String[]{"mnist-mlp.nn", "residual.nn", "inception.nn"}) {
            CliRun run = CliRun.of("check", CliRun.example(example));
            assertEquals(0, run.exitCode(), example + ": " + run.err());
            assertEquals("", run.err(), example + " has warnings");
        }
    }
}
