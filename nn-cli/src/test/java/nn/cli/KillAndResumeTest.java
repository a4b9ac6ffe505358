package nn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import nn.api.checkpoint.Checkpoint;
import nn.api.checkpoint.CheckpointReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `kill -9` at any moment loses at most the current epoch: the last checkpoint always loads and
 * `--resume` finishes the run bit-identical to one never interrupted, with every stateful
 * feature at once (a warm-up schedule, batch norm, dropout, augmentation, validation with
 * early stopping).
 */
class KillAndResumeTest {
    static final int EPOCHS = 4;
    static final String MODEL = """
            model stateful {
                input image: [1, 28, 28]
                image -> conv2d(4, kernel = 3, padding = 1) -> batchnorm() -> relu() -> maxpool2d(2)
                      -> dropout(0.25) -> flatten() -> dense(10) -> logits
                output logits
            }
            train {
                data           = mnist(normalize = [0.5, 0.5], train_limit = 1200, test_limit = 200)
                loss           = cross_entropy(logits, label)
                optimizer      = adam(lr = 2e-3)
                schedule       = cosine(warmup = 1)
                validation     = 0.2
                patience       = 2
                augment_shift  = 2
                augment_rotate = 10
                batch          = 32
                epochs         = %d
                seed           = 7
            }
            """.formatted(EPOCHS);

    @Test
    void killedAtRandomMomentsTheRunResumesToTheSameResult(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("stateful.nn");
        Files.writeString(model, MODEL);
        long start = System.nanoTime();
        CliRun full = CliRun.of("train", model.toString(), "--no-progress", "--out", dir.resolve("full").toString());
        assertEquals(0, full.exitCode(), full.err());
        long runMillis = (System.nanoTime() - start) / 1_000_000;
        Checkpoint expected = CheckpointReader.read(dir.resolve("full/model.nnc"));
        List<String> expectedMetrics = Files.readAllLines(dir.resolve("full/metrics.jsonl"));

        Random rng = new Random(42);
        for (int attempt = 0; attempt < 3; attempt++) {
            Path out = dir.resolve("killed-" + attempt);
            // A fresh JVM starts ND4J before training: kill somewhere in that span plus the run itself.
            long delay = 1500 + (long) (rng.nextDouble() * (runMillis + 3000));
            Process process = nn(model.toString(), "--no-progress", "--out", out.toString());
            boolean ended = process.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!ended) process.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
            Path checkpoint = out.resolve("model.nnc");
            // A kill that came after the last epoch's checkpoint leaves nothing to resume.
            boolean allEpochsSaved = Files.exists(checkpoint)
                    && CheckpointReader.read(checkpoint).metadata().resume().epoch() >= EPOCHS;
            if (!allEpochsSaved) {
                CliRun finish = Files.exists(checkpoint)
                        ? CliRun.of("train", "--resume", checkpoint.toString(), "--no-progress")
                        : CliRun.of("train", model.toString(), "--no-progress", "--out", out.toString());
                assertEquals(0, finish.exitCode(), "attempt " + attempt + " killed after " + delay + " ms: " + finish.err());
            }

            Checkpoint resumed = CheckpointReader.read(checkpoint);
            assertTrue(Arrays.equals(expected.params().data().asFloat(), resumed.params().data().asFloat()),
                    "parameters differ after a kill at " + delay + " ms");
            assertEquals(expected.layerState().keySet(), resumed.layerState().keySet());
            for (String key : expected.layerState().keySet()) {
                assertEquals(expected.layerState().get(key), resumed.layerState().get(key), key + " after a kill at " + delay + " ms");
            }
            assertEquals(epochs(expectedMetrics, "train_loss"), epochs(Files.readAllLines(out.resolve("metrics.jsonl")), "train_loss"),
                    "history after a kill at " + delay + " ms");
        }
    }

    /** One field of every epoch's line, in order. */
    static List<String> epochs(List<String> lines, String field) throws Exception {
        ObjectMapper json = new ObjectMapper();
        return lines.stream().map(l -> {
            try {
                return json.readTree(l).get("epoch") + ":" + json.readTree(l).get(field);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    static Process nn(String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "train"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
