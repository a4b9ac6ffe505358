package nn.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `nn train --plot`, `nn predict --grid` and `nn eval --confusion` on a model trained on a slice of MNIST. */
class TrainingPicturesTest {
    @TempDir
    static Path dir;
    static Path runDir;
    static CliRun training;

    @BeforeAll
    static void train() {
        runDir = dir.resolve("run");
        training = CliRun.of("train", CliRun.example("mnist-mlp.nn"), "--epochs", "1", "--train-limit", "256",
                "--test-limit", "100", "--out", runDir.toString(), "--no-progress", "--plot");
        assertEquals(0, training.exitCode(), training.err());
    }

    @Test
    void trainPlotDrawsTheHistoryAndAStripOfPredictions() throws Exception {
        assertTrue(training.out().contains("wrote " + runDir.resolve("history.png")), training.out());
        PngCheck.check(runDir.resolve("history.png"), 2 * 560, 400);
        BufferedImage strip = PngCheck.check(runDir.resolve("predictions.png"), 10 * 84, 84 + 30);
        Matcher m = Pattern.compile("\\((\\d+) of 10 test images predicted wrong\\)").matcher(training.out());
        assertTrue(m.find(), training.out());
        assertEquals(Integer.parseInt(m.group(1)) > 0, PngCheck.redPixels(strip) > 0,
                "wrong predictions, and only they, are titled in red");
    }

    @Test
    void predictGridDrawsTheFirstTestImagesAndMarksTheWrongOnes() throws Exception {
        Path png = dir.resolve("grid.png");
        CliRun run = CliRun.of("predict", runDir.resolve("model.nnc").toString(), "--grid", "16", "-o", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        Matcher m = Pattern.compile("the first 16 test images, (\\d+) predicted wrong").matcher(run.out());
        assertTrue(m.find(), run.out());
        int wrong = Integer.parseInt(m.group(1));
        assertTrue(wrong > 0 && wrong < 16, "one epoch on 256 examples gets some right and some wrong: " + wrong);
        BufferedImage grid = PngCheck.check(png, 4 * 84, 4 * (84 + 30));
        assertTrue(PngCheck.redPixels(grid) > 0, "wrong predictions are titled in red");
    }

    @Test
    void predictWithoutImagesOrGridIsBadInput() {
        CliRun run = CliRun.of("predict", runDir.resolve("model.nnc").toString());
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("give IMAGE files, or --grid N"), run.err());
    }

    @Test
    void evalConfusionDrawsTheMatrixAsAHeatMap() throws Exception {
        Path png = dir.resolve("confusion.png");
        CliRun run = CliRun.of("eval", runDir.resolve("model.nnc").toString(), "--test-limit", "100",
                "--confusion", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote " + png), run.out());
        PngCheck.check(png, 200 + 10 * 64, 140 + 10 * 64);
    }
}
