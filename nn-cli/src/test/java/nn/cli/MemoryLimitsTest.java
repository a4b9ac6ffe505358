package nn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `nn check` and `nn summary` say what training takes; `nn train` refuses, before loading anything, what cannot fit. */
class MemoryLimitsTest {

    @Test
    void checkAndSummaryShowTheMemoryTrainingTakes() {
        for (String command : new String[]{"check", "summary"}) {
            CliRun run = CliRun.of(command, CliRun.example("mnist-mlp.nn"));
            assertEquals(0, run.exitCode(), run.err());
            String out = run.out();
            // 109,386 float32 parameters; Adam's two moments and the two staging copies: 4 x 437.5 kB.
            assertTrue(out.contains("memory to train (float32, estimated):"), out);
            assertTrue(out.contains("parameters   437.5 kB, and as much again for their gradients (109,386 values)"), out);
            assertTrue(out.contains("optimizer    1.8 MB (adam: 2 values per parameter"), out);
            assertTrue(out.matches("(?s).*activations  \\d+\\.\\d kB per example, \\d+\\.\\d [kM]B per batch of 64, .*"), out);
            assertTrue(out.matches("(?s).*total        about \\d+\\.\\d MB\n.*"), out);
        }
    }

    @Test
    void anImpossibleModelFailsTheCheckAtTheCall(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.nn");
        Files.writeString(file, """
                model m {
                    input image: [1, 28, 28]
                    image -> flatten() -> dense(2147483647) -> dense(2147483647) -> logits
                    output logits
                }
                """);
        CliRun run = CliRun.of("check", file.toString());
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("huge.nn:3:27: error: dense: its parameter W [784, 2147483647] holds "
                + "1,683,627,179,248 values; one tensor may hold at most 2,147,483,647"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void trainRefusesAModelThatCannotFitBeforeLoadingData(@TempDir Path dir) throws Exception {
        // Each tensor is under the cap, but 1.6e9 parameters with Adam take about 39 GB.
        Path file = dir.resolve("wide.nn");
        Files.writeString(file, """
                model wide {
                    input image: [1, 28, 28]
                    image -> flatten() -> dense(40000) -> relu() -> dense(40000) -> relu() -> dense(10) -> logits
                    output logits
                }
                train {
                    data = mnist()
                    loss = cross_entropy(logits, label)
                    optimizer = adam()
                }
                """);
        CliRun run = CliRun.of("train", file.toString(), "--offline", "--data-dir", dir.resolve("no-data").toString(),
                "--out", dir.resolve("run").toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        String err = run.err().strip();
        assertTrue(err.contains("nn: error: wide needs about "), err);
        assertTrue(err.contains("parameters 6.5 GB, gradients 6.5 GB, optimizer 26.1 GB"), err);
        assertEquals(1, err.lines().filter(l -> !l.contains("warning")).count(), err);
        assertFalse(Files.exists(dir.resolve("run")), "nothing was written");
    }
}
