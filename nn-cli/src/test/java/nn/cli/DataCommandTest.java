package nn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** `nn data NAME --grid N`: class counts and a grid of sample images, for MNIST and Fashion-MNIST. */
class DataCommandTest {
    /** Debian's dataset-fashion-mnist; the tests' NN_DATA_DIR points at MNIST, whose files have the same names. */
    static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    Path dir;

    @Test
    void mnistCountsAndASampleGrid() throws Exception {
        Path png = dir.resolve("samples.png");
        CliRun run = CliRun.of("data", "mnist", "--grid", "16", "-o", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(line(run.out(), "1", "6,742", "1,135"), run.out()); // MNIST's ones
        assertTrue(line(run.out(), "total", "60,000", "10,000"), run.out());
        PngCheck.check(png, 4 * 84, 4 * (84 + 30)); // sixteen tiles: four by four
    }

    @Test
    void fashionMnistHasItsClassNamesAndBalancedClasses() throws Exception {
        assumeTrue(Files.isDirectory(FASHION), FASHION + " absent (apt-get install dataset-fashion-mnist)");
        Path png = dir.resolve("fashion.png");
        CliRun run = CliRun.of("data", "fashion-mnist", "--data-dir", FASHION.toString(), "--grid", "10", "-o", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(line(run.out(), "Ankle boot", "6,000", "1,000"), run.out());
        assertTrue(line(run.out(), "T-shirt/top", "6,000", "1,000"), run.out());
        int tile = 8 * "T-shirt/top".length() + 12;
        PngCheck.check(png, 10 * tile, tile + 30); // a strip of ten
    }

    @Test
    void anUnknownDataSetIsBadInputListingTheInstalledOnes() {
        CliRun run = CliRun.of("data", "cifar");
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("no data set named 'cifar'") && run.err().contains("mnist"), run.err());
    }

    /** A table line: the class, then its training and test counts. */
    private static boolean line(String out, String name, String train, String test) {
        return java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(name) + "\\s+" + train + "\\s+" + test + "$")
                .matcher(out).find();
    }
}
