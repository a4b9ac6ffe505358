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
        CliRun run = CliRun.of("train", CliRun.example("mnist-mlp.nn"), "--epochs", "2", "--train-limit", "6000",
                "--test-limit", "2000", "--out", out.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("final test accuracy"), run.out());

        List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
        assertEquals(2, lines.size());
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        JsonNode last = json.readTree(lines.get(1));
        for (String key : new String[]{"epoch", "train_loss", "test_accuracy", "epoch_seconds"}) {
            assertTrue(last.has(key), key + " missing in " + last);
        }
        assertEquals(2, last.get("epoch").asInt());
        assertTrue(last.get("test_accuracy").asDouble() > 0.85, "accuracy " + last.get("test_accuracy"));
        assertTrue(last.get("train_loss").asDouble() < first.get("train_loss").asDouble(), "loss should fall");

        Checkpoint checkpoint = CheckpointReader.read(out.resolve("model.nnc"));
        assertEquals(109_386, checkpoint.params().length());
        assertEquals("mnist_mlp", checkpoint.graph().name());
        assertTrue(checkpoint.source().contains("model mnist_mlp"));
        assertEquals(2, checkpoint.meta().get("epoch"));
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

    @Test
    void aMissingDataDirectoryIsAClearFailure(@TempDir Path empty) {
        CliRun run = CliRun.of("train", CliRun.example("mnist-mlp.nn"), "--data-dir",
                empty.resolve("nowhere").toString(), "--offline", "--no-progress", "--out", empty.resolve("run").toString(),
                "--epochs", "1");
        // --offline: a test never downloads; the message names the file and says what to do.
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().startsWith("nn: error: "), run.err());
        assertTrue(run.err().contains("ubyte"), run.err());
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

    private static String[] concat(String[] a, String b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }
}
