package nn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `nn plot history RUN_DIR...` from metrics.jsonl files in the format nn train writes. */
class PlotHistoryTest {
    @TempDir
    Path dir;

    private Path run(String name, double... accuracies) throws Exception {
        Path run = dir.resolve(name);
        Files.createDirectories(run);
        StringBuilder lines = new StringBuilder();
        for (int e = 0; e < accuracies.length; e++) {
            lines.append(String.format(java.util.Locale.ROOT,
                    "{\"epoch\":%d,\"train_loss\":%.3f,\"test_loss\":0.3,\"test_accuracy\":%.4f,\"epoch_seconds\":1.0,"
                            + "\"eval_seconds\":0.1,\"learning_rate\":0.001,\"steps\":938}%n", e + 1, 1.0 / (e + 1), accuracies[e]));
        }
        Files.writeString(run.resolve("metrics.jsonl"), lines);
        return run;
    }

    @Test
    void oneRunIsDrawnIntoItsDirectory() throws Exception {
        Path run = run("mlp", 0.91, 0.95, 0.96, 0.97);
        CliRun result = CliRun.of("plot", "history", run.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("mlp: 4 epochs, last training loss 0.2500, test accuracy 97.00 %"), result.out());
        PngCheck.check(run.resolve("history.png"), 2 * 560, 400);
    }

    @Test
    void severalRunsAreOverlaidInOnePicture() throws Exception {
        Path a = run("adam", 0.91, 0.95, 0.96), b = run("sgd", 0.80, 0.88, 0.90, 0.92, 0.93);
        Path out = dir.resolve("compare.png");
        CliRun result = CliRun.of("plot", "history", a.toString(), b.toString(), "-o", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("adam: 3 epochs") && result.out().contains("sgd: 5 epochs"), result.out());
        var image = PngCheck.check(out, 2 * 560, 400);
        assertTrue(PngCheck.redPixels(image) > 50, "the second run's line (red) is drawn");
    }

    @Test
    void aDirectoryWithoutMetricsIsBadInputNamingIt() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun result = CliRun.of("plot", "history", empty.toString());
        assertEquals(2, result.exitCode(), result.out());
        assertTrue(result.err().contains(empty + ": no metrics.jsonl"), result.err());
    }
}
