package nn.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `nn export` and `nn import` as a user runs them, on a checkpoint trained here and on PyTorch's fixture. */
class OnnxCommandsTest {
    private static final Pattern ACCURACY = Pattern.compile("test accuracy: (\\d+\\.\\d\\d) % \\((\\d+)/(\\d+)\\)");
    @TempDir
    static Path dir;
    static Path checkpoint;

    @BeforeAll
    static void train() {
        CliRun run = CliRun.of("train", CliRun.example("mnist-mlp.nn"), "--epochs", "1", "--train-limit", "2000",
                "--test-limit", "500", "--out", dir.resolve("run").toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        checkpoint = dir.resolve("run/model.nnc");
    }

    @Test
    void exportThenImportGivesAModelThatChecksEvaluatesAndResumesLikeTheOriginal() {
        Path onnx = dir.resolve("out/mlp.onnx");
        CliRun export = CliRun.of("export", checkpoint.toString(), "-o", onnx.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertTrue(export.out().startsWith("wrote " + onnx + ": mnist_mlp, 6 ONNX nodes, 109,386 parameters"), export.out());

        Path nn = dir.resolve("imported/mlp.nn");
        CliRun imported = CliRun.of("import", onnx.toString(), "-o", nn.toString(), "--data", "mnist");
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(Files.exists(dir.resolve("imported/mlp.nnc")), imported.out());
        assertEquals(0, CliRun.of("check", nn.toString()).exitCode());

        String original = accuracy(CliRun.of("eval", checkpoint.toString(), "--test-limit", "1000"));
        String back = accuracy(CliRun.of("eval", dir.resolve("imported/mlp.nnc").toString(), "--test-limit", "1000"));
        assertEquals(original, back);

        CliRun resumed = CliRun.of("train", "--resume", dir.resolve("imported/mlp.nnc").toString(), "--train-limit", "500",
                "--test-limit", "200", "--out", dir.resolve("resumed").toString(), "--no-progress");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(Files.exists(dir.resolve("resumed/model.nnc")), resumed.out());
    }

    @Test
    void aPyTorchModelImportsWithTheAccuracyPyTorchReported() throws Exception {
        Path fixtures = CliRun.projectDir().resolve("nn-onnx/src/test/resources/fixtures");
        Path nn = dir.resolve("torch/torch_cnn.nn");
        CliRun imported = CliRun.of("import", fixtures.resolve("torch_cnn.onnx").toString(), "-o", nn.toString(),
                "--data", "mnist", "--normalize", "0.5,0.5");
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(Files.readString(nn).contains("-> logits"), Files.readString(nn));
        CliRun eval = CliRun.of("eval", dir.resolve("torch/torch_cnn.nnc").toString());
        String report = Files.readString(fixtures.resolve("pytorch_accuracy.json"));
        Matcher correct = Pattern.compile("\"torch_cnn\": \\{[^}]*\"correct\": (\\d+)").matcher(report);
        assertTrue(correct.find(), report);
        Matcher m = ACCURACY.matcher(eval.out());
        assertTrue(m.find(), eval.out() + eval.err());
        assertEquals(correct.group(1), m.group(2), eval.out());
        assertEquals("10000", m.group(3));
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws Exception {
        Path junk = dir.resolve("junk.onnx");
        Files.writeString(junk, "not a model");
        CliRun run = CliRun.of("import", junk.toString(), "-o", dir.resolve("junk.nn").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("nn: error: " + junk + ": not an ONNX model"), run.err());
        assertEquals(1, run.err().lines().filter(l -> !l.startsWith("nn: warning")).count(), run.err());

        CliRun missing = CliRun.of("import", dir.resolve("nope.onnx").toString(), "-o", dir.resolve("x.nn").toString());
        assertEquals(2, missing.exitCode(), missing.err());
        CliRun notCheckpoint = CliRun.of("export", junk.toString(), "-o", dir.resolve("x.onnx").toString());
        assertEquals(2, notCheckpoint.exitCode(), notCheckpoint.err());
    }

    @Test
    void aPluginsOperationsAreNamedAllInOneExportError() {
        Path plugins = CliRun.projectDir().resolve("examples/plugin-example/target");
        Path out = dir.resolve("plugin-run");
        CliRun train = CliRun.of("train", CliRun.example("plugin-example/scaled-mlp.nn"), "--plugins", plugins.toString(),
                "--epochs", "1", "--train-limit", "256", "--test-limit", "100", "--no-progress", "--out", out.toString());
        assertEquals(0, train.exitCode(), train.err());
        CliRun export = CliRun.of("export", out.resolve("model.nnc").toString(), "-o", dir.resolve("plugin.onnx").toString(),
                "--plugins", plugins.toString());
        assertEquals(ExitCodes.BAD_INPUT, export.exitCode(), export.err());
        assertTrue(export.err().contains("cannot export to ONNX: node 'scale_1' (scale), node 'swish_1' (swish), "
                + "node 'gelu_1' (gelu)"), export.err());
        assertTrue(Files.notExists(dir.resolve("plugin.onnx")));
    }

    private static String accuracy(CliRun eval) {
        assertEquals(0, eval.exitCode(), eval.err());
        Matcher m = ACCURACY.matcher(eval.out());
        assertTrue(m.find(), eval.out());
        return m.group();
    }
}
