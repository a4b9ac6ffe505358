package nn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `nn diagnose gradients`: the lecture's vanishing gradient, measured on one real MNIST batch. */
class DiagnoseGradientsTest {
    @TempDir
    Path dir;

    @Test
    void sigmoidGradientsVanishTowardsTheInputAndReluOnesDoNot() throws Exception {
        Path png = dir.resolve("gradients.png");
        CliRun run = CliRun.of("diagnose", "gradients", CliRun.example("vanishing-sigmoid.nn"),
                CliRun.example("vanishing-relu.nn"), "-o", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        int split = out.indexOf("vanishing-relu.nn");
        List<Double> sigmoid = norms(out.substring(0, split)), relu = norms(out.substring(split));
        assertEquals(11, sigmoid.size(), out); // ten hidden dense layers and the output layer
        assertEquals(11, relu.size(), out);
        assertTrue(sigmoid.get(0) < 1e-3 * sigmoid.get(10), "sigmoid: first layer's gradient vanishes\n" + out);
        assertTrue(relu.get(0) > 0.1 * relu.get(10), "relu: first layer's gradient survives\n" + out);
        assertTrue(out.contains("dense_1   dense         50,240"), out);
        PngCheck.check(png, 800, 500);
    }

    @Test
    void aFileWithoutATrainSectionIsBadInput() throws Exception {
        Path file = dir.resolve("bare.nn");
        java.nio.file.Files.writeString(file, "model bare {\n    input x: [4]\n    x -> dense(2) -> y\n    output y\n}\n");
        CliRun run = CliRun.of("diagnose", "gradients", file.toString(), "-o", dir.resolve("g.png").toString());
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("bare.nn: needs a train section"), run.err());
    }

    private static List<Double> norms(String table) {
        List<Double> norms = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^  \\S+\\s+dense\\s+[\\d,]+\\s+(\\S+)$").matcher(table);
        while (m.find()) norms.add(Double.parseDouble(m.group(1)));
        return norms;
    }
}
