package nn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nn.api.checkpoint.Checkpoint;
import nn.api.checkpoint.CheckpointReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trains the lecture's MLP on a slice of real MNIST through the CLI's own code path. */
class TrainEndToEndTest {

    @Test
    void trainingOnASliceOfMnistRisesWellAboveChance(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of("train", CliRun.example("mnist-mlp.nn"), "--epochs", "2", "--train-limit", "10000",
                "--test-limit", "2000", "--out", out.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("final test accuracy"), run.out());

        List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
        assertEquals(2, lines.size());
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        JsonNode last = json.readTree(lines.get(1));
        for (String key : new String[]{"epoch", "train_loss", "test_accuracy", "epoch_seconds", "phases"}) {
            assertTrue(last.has(key), key + " missing in " + last);
        }
        assertEquals(2, last.get("epoch").asInt());
        assertTrue(last.get("test_accuracy").asDouble() > 0.85, "accuracy " + last.get("test_accuracy"));
        assertTrue(last.get("train_loss").asDouble() < first.get("train_loss").asDouble(), "loss should fall");

        Checkpoint checkpoint = CheckpointReader.read(out.resolve("model.nnc"));
        assertEquals(109_386, checkpoint.params().length());
        assertEquals("mnist_mlp", checkpoint.graph().name());
        assertTrue(checkpoint.source().contains("model mnist_mlp"));
        assertEquals(2, checkpoint.metadata().resume().epoch());
        assertTrue(checkpoint.optimizerState().containsKey("m"));
        try (var files = Files.list(out)) {
            assertEquals(List.of("metrics.jsonl", "model.nnc"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary files left behind");
        }
    }

    @Test
    void theSameSeedGivesTheSameMetrics(@TempDir Path out) throws Exception {
        String[] args = {"train", CliRun.example("mnist-mlp.nn"), "--epochs", "1", "--train-limit", "1000",
                "--test-limit", "500", "--no-progress", "--seed", "7", "--out"};
        CliRun a = CliRun.of(concat(args, out.resolve("a").toString()));
        CliRun b = CliRun.of(concat(args, out.resolve("b").toString()));
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(0, b.exitCode(), b.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode ma = json.readTree(Files.readString(out.resolve("a/metrics.jsonl")));
        JsonNode mb = json.readTree(Files.readString(out.resolve("b/metrics.jsonl")));
        assertEquals(ma.get("train_loss").asDouble(), mb.get("train_loss").asDouble());
        assertEquals(ma.get("test_accuracy").asDouble(), mb.get("test_accuracy").asDouble());
    }

    /** The CNN has dropout, whose generator must resume where it was, as well as the parameters. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"mnist-mlp.nn, 1500", "mnist-cnn.nn, 256"})
    void aResumedRunEndsBitIdenticalToAnUninterruptedOne(String example, String trainLimit, @TempDir Path out)
            throws Exception {
        String[] common = {"train", CliRun.example(example), "--train-limit", trainLimit, "--test-limit", "200",
                "--seed", "5", "--no-progress"};
        CliRun full = CliRun.of(concat(common, "--epochs", "3", "--out", out.resolve("full").toString()));
        assertEquals(0, full.exitCode(), full.err());
        CliRun first = CliRun.of(concat(common, "--epochs", "1", "--out", out.resolve("part").toString()));
        assertEquals(0, first.exitCode(), first.err());
        CliRun resumed = CliRun.of("train", "--resume", out.resolve("part/model.nnc").toString(), "--epochs", "3",
                "--no-progress");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resuming at epoch 2"), resumed.out());

        Checkpoint a = CheckpointReader.read(out.resolve("full/model.nnc"));
        Checkpoint b = CheckpointReader.read(out.resolve("part/model.nnc"));
        assertEquals(3, b.metadata().resume().epoch());
        assertTrue(java.util.Arrays.equals(a.params().data().asFloat(), b.params().data().asFloat()),
                "parameters differ after resuming");
        for (String key : a.optimizerState().keySet()) {
            assertEquals(a.optimizerState().get(key), b.optimizerState().get(key), "optimizer state " + key);
        }
        List<String> fullLines = Files.readAllLines(out.resolve("full/metrics.jsonl"));
        List<String> partLines = Files.readAllLines(out.resolve("part/metrics.jsonl"));
        assertEquals(3, partLines.size());
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 3; i++) {
            JsonNode x = json.readTree(fullLines.get(i)), y = json.readTree(partLines.get(i));
            assertEquals(x.get("train_loss"), y.get("train_loss"), "epoch " + (i + 1));
            assertEquals(x.get("test_accuracy"), y.get("test_accuracy"), "epoch " + (i + 1));
        }
    }

    @Test
    void scheduleValidationEarlyStoppingAndAugmentationFromTheTrainSection(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("long.nn");
        Files.writeString(model, """
                model m {
                    input image: [1, 28, 28]
                    image -> flatten() -> dense(32) -> relu() -> dense(10) -> logits
                    output logits
                }
                train {
                    data           = mnist(normalize = [0.5, 0.5], train_limit = 2000, test_limit = 200)
                    loss           = cross_entropy(logits, label)
                    optimizer      = adam(lr = 2e-3)
                    schedule       = step(every = 1, gamma = 0.5)
                    validation     = 0.2
                    patience       = 1
                    augment_shift  = 2
                    augment_rotate = 10
                    augment_zoom   = 0.1
                    batch          = 32
                    epochs         = 4
                }
                """);
        CliRun run = CliRun.of("train", model.toString(), "--out", dir.resolve("run").toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(0.1, CheckpointReader.read(dir.resolve("run/model.nnc")).graph().train().settings().augmentZoom());
        List<String> lines = Files.readAllLines(dir.resolve("run/metrics.jsonl"));
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertEquals(2e-3, first.get("learning_rate").asDouble(), 1e-12);
        assertEquals(50, first.get("steps").asInt()); // 1600 of 2000 examples train, in batches of 32
        assertTrue(first.get("validation_accuracy").asDouble() > 0.3, first.toString()); // chance is 0.1
        assertEquals(true, first.get("best").asBoolean());
        if (lines.size() > 1) assertEquals(1e-3, json.readTree(lines.get(1)).get("learning_rate").asDouble(), 1e-12);
        assertTrue(Files.exists(dir.resolve("run/best.nnc")));
        assertTrue(run.out().contains("val accuracy"), run.out());
    }

    @Test
    void resumingAFinishedRunAsksForMoreEpochs(@TempDir Path out) {
        CliRun run = CliRun.of("train", CliRun.example("mnist-mlp.nn"), "--epochs", "1", "--train-limit", "500",
                "--test-limit", "100", "--no-progress", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        CliRun again = CliRun.of("train", "--resume", out.resolve("model.nnc").toString(), "--no-progress");
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("has trained all 1 epochs already; pass --epochs N"), again.err());
    }

    @Test
    void aMissingDataDirectoryIsAClearFailure(@TempDir Path empty) {
        CliRun run = CliRun.of("train", CliRun.example("mnist-mlp.nn"), "--data-dir",
                empty.resolve("nowhere").toString(), "--offline", "--no-progress", "--out", empty.resolve("run").toString(),
                "--epochs", "1");
        // --offline: a test never downloads; the message names the file and says what to do.
        assertEquals(1, run.exitCode(), run.out());
        // (the default backend is auto: without a GPU one warning line says so first)
        assertTrue(run.err().lines().anyMatch(l -> l.startsWith("nn: error: ") && l.contains("ubyte")), run.err());
        assertTrue(!run.err().contains("\tat "), run.err());
    }

    @Test
    void anUnknownBackendIsBadInput() {
        CliRun run = CliRun.of("train", CliRun.example("mnist-mlp.nn"), "--backend", "tpu", "--no-progress");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no backend named 'tpu'"), run.err());
    }

    @Test
    void aBadOptionValueIsBadInput() {
        CliRun run = CliRun.of("train", CliRun.example("mnist-mlp.nn"), "--epochs", "0");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--epochs must be at least 1, not 0"), run.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
