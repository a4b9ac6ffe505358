package nn.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nn.api.checkpoint.Checkpoint;
import nn.api.checkpoint.CheckpointReader;
import nn.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `nn train FILE --spark local[2]` through the CLI's own code path, with nn-spark and Spark on the class path. */
class SparkCommandTest {

    record Run(int exitCode, String out, String err) {
        static Run of(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    private static String mlp() {
        return SparkTrainingTest.projectDir().resolve("examples/mnist-mlp.nn").toString();
    }

    @Test
    void localWorkersUseThePluginsOfTheCommandLine(@TempDir Path out) {
        Path example = SparkTrainingTest.projectDir().resolve("examples/plugin-example");
        Run run = Run.of("train", example.resolve("scaled-mlp.nn").toString(), "--plugins", example.resolve("target").toString(),
                "--spark", "local[2]", "--epochs", "1", "--train-limit", "1000", "--test-limit", "300",
                "--out", out.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("final test accuracy"), run.out());
    }

    @Test
    void trainsOnSparkWritesMetricsCheckpointAndCommunicationAndResumes(@TempDir Path out) throws Exception {
        Run run = Run.of("train", mlp(), "--spark", "local[2]", "--epochs", "1", "--train-limit", "1000",
                "--test-limit", "300", "--out", out.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("spark local[2]: 2 workers, data replicated, gradient averaging every step, global batch 128 (2 x 64),"
                + " 8 steps per epoch"), run.out());
        assertTrue(run.out().contains("epoch  1"), run.out());
        assertTrue(run.out().contains("communication per sync (8 syncs)"), run.out());

        ObjectMapper json = new ObjectMapper();
        JsonNode metrics = json.readTree(Files.readAllLines(out.resolve("metrics.jsonl")).get(0));
        assertEquals(8, metrics.get("steps").asInt());
        assertTrue(metrics.get("test_accuracy").asDouble() > 0.4, "accuracy " + metrics.get("test_accuracy"));
        JsonNode communication = json.readTree(out.resolve("communication.json").toFile());
        assertEquals(2 * 109_386 * 4, communication.get("bytes_broadcast_per_sync").asLong());
        assertEquals(16, communication.get("spark_tasks").asLong(), "two tasks a sync, nothing else counted");
        assertTrue(communication.get("spark_result_bytes_per_task").asLong() >= 109_386 * 4,
                "a gradient's bytes should come back from every task: " + communication);

        // The checkpoint after every epoch lets the driver resume, on Spark again.
        Run resumed = Run.of("train", "--resume", out.resolve("model.nnc").toString(), "--epochs", "2",
                "--spark", "local[2]", "--no-progress");
        assertEquals(0, resumed.exitCode(), resumed.err() + resumed.out());
        assertTrue(resumed.out().contains("resuming at epoch 2"), resumed.out());
        List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
        assertEquals(2, lines.size());
        Checkpoint checkpoint = CheckpointReader.read(out.resolve("model.nnc"));
        assertEquals(2, checkpoint.metadata().resume().epoch());
        assertTrue(json.readTree(lines.get(1)).get("train_loss").asDouble() < metrics.get("train_loss").asDouble());
    }

    @Test
    void workersWithoutSparkIsABadOption() {
        Run run = Run.of("train", mlp(), "--workers", "2");
        assertEquals(2, run.exitCode());
        assertEquals("nn: error: --workers needs --spark MASTER", run.err().strip());
    }

    @Test
    void aMasterSparkCannotParseIsOneLineAndExitCodeOne(@TempDir Path out) {
        Run run = Run.of("train", mlp(), "--spark", "nonsense://nowhere", "--train-limit", "200", "--test-limit", "100",
                "--no-progress", "--out", out.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.equals("nn: error: --spark nonsense://nowhere: Could not parse Master URL:"
                + " 'nonsense://nowhere'")), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace without --debug: " + run.err());
    }
}
