package nn.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lecture's table examples through the CLI: train, eval, predict rows; and the mistakes a table makes. */
class TableEndToEndTest {
    @TempDir
    static Path dir;
    static Path perceptron;
    static Path regression;

    @BeforeAll
    static void train() {
        CliRun run = CliRun.of("train", CliRun.example("perceptron.nn"), "--out", dir.resolve("p").toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("accuracy 100.00 % of the 0/1 answers"), run.out());
        perceptron = dir.resolve("p/model.nnc");
        run = CliRun.of("train", CliRun.example("regression.nn"), "--epochs", "60", "--out", dir.resolve("r").toString(),
                "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        regression = dir.resolve("r/model.nnc");
    }

    @Test
    void theMetricsFileHoldsRegressionFigures() throws Exception {
        String last = Files.readAllLines(dir.resolve("r/metrics.jsonl")).get(59);
        assertTrue(last.contains("\"test_mse\"") && last.contains("\"test_r2\"") && !last.contains("test_accuracy"), last);
    }

    @Test
    void evalReappliesTheCheckpointsStandardisationAndDrawsTheFit() throws Exception {
        Path png = dir.resolve("fit.png");
        CliRun run = CliRun.of("eval", regression.toString(), "--plot", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        var m = java.util.regex.Pattern.compile("R² (\\d\\.\\d+)").matcher(run.out());
        assertTrue(m.find(), run.out());
        assertTrue(Double.parseDouble(m.group(1)) > 0.8, run.out());
        assertTrue(javax.imageio.ImageIO.read(png.toFile()).getWidth() >= 520, "a two-panel picture");
    }

    @Test
    void predictWritesOneRowPerInputRowWithTheColumnsByName() throws Exception {
        Path rows = dir.resolve("rows.csv");
        Files.writeString(rows, "x2,x1,note\n1,1,both\n0,1,one\n0,0,none\n");
        Path out = dir.resolve("out.csv");
        CliRun run = CliRun.of("predict", perceptron.toString(), rows.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(List.of("x1,x2,predicted_and,predicted_or,predicted_nand", "1.0,1.0,1.0,1.0,0.0",
                "1.0,0.0,0.0,1.0,1.0", "0.0,0.0,0.0,0.0,1.0"), lines);
    }

    @Test
    void rowsWithoutAFeatureColumnAreBadInput() throws Exception {
        Path rows = dir.resolve("short.csv");
        Files.writeString(rows, "x1,x3\n1,1\n");
        CliRun run = CliRun.of("predict", perceptron.toString(), rows.toString());
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains(rows + ":1: no feature column 'x2'"), run.err());
    }

    @Test
    void aLossThatDoesNotFitTheTargetsIsBadInputBeforeTraining() throws Exception {
        Path model = dir.resolve("wrong.nn");
        Files.writeString(model, Files.readString(Path.of(CliRun.example("regression.nn")))
                .replace("data/curve.csv", Path.of(CliRun.example("data/curve.csv")).toAbsolutePath().toString())
                .replace("mse(y, target)", "cross_entropy(y, label)"));
        CliRun run = CliRun.of("train", model.toString(), "--out", dir.resolve("w").toString(), "--no-progress");
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("cross_entropy needs class labels, but the data set's targets are numbers"), run.err());
    }

    @Test
    void aModelWhoseInputDoesNotFitTheTableIsBadInputBeforeTraining() throws Exception {
        Path model = dir.resolve("wide.nn");
        Files.writeString(model, Files.readString(Path.of(CliRun.example("regression.nn")))
                .replace("data/curve.csv", Path.of(CliRun.example("data/curve.csv")).toAbsolutePath().toString())
                .replace("input x: [1]", "input x: [3]"));
        CliRun run = CliRun.of("train", model.toString(), "--out", dir.resolve("v").toString(), "--no-progress");
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("the model's input [3] holds 3 values but the data set's examples have 1"), run.err());
    }
}
