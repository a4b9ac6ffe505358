package nn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command that turns a train section into running parts (train, bench, diagnose
 * gradients) reports what a provider refuses the same way: bad input, exit code 2, one line
 * starting with the file.
 */
class TrainSectionErrorsTest {
    @TempDir
    Path dir;

    private Path model(String name, String inputs, String optimizer) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, """
                model m {
                %s
                    add(fa, fb) -> dense(10) -> logits
                    output logits
                }
                train {
                    data = mnist(train_limit = 64, test_limit = 64)
                    loss = cross_entropy(logits, label)
                    optimizer = %s
                    batch = 16
                }
                """.formatted(inputs, optimizer));
        return file;
    }

    /** Two inputs: the network builder refuses it for training (the data set feeds one). */
    private Path twoInputs() throws Exception {
        return model("two.nn", """
                    input a: [1, 28, 28]
                    input b: [1, 28, 28]
                    a -> flatten() -> fa
                    b -> flatten() -> fb
                """, "sgd()");
    }

    /** sgd refuses nesterov without momentum, which its schema cannot express. */
    private Path nesterov() throws Exception {
        return model("nesterov.nn", """
                    input a: [1, 28, 28]
                    a -> flatten() -> fa
                    a -> flatten() -> fb
                """, "sgd(nesterov = true)");
    }

    private static void badInput(CliRun run, String line) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("nn: error: " + line), run.err());
        assertFalse(run.err().contains("--debug"), run.err());
    }

    @Test
    void aNetworkTheBuilderRefusesIsBadInputInEveryCommand() throws Exception {
        Path file = twoInputs();
        String line = file + ": training feeds one input (the data set's images); this graph has 2";
        badInput(CliRun.of("train", file.toString(), "--out", dir.resolve("run").toString(), "--no-progress"), line);
        badInput(CliRun.of("bench", file.toString(), "--steps", "1", "--rounds", "1", "--warmup", "0"), line);
        badInput(CliRun.of("diagnose", "gradients", file.toString(), "-o", dir.resolve("g.png").toString()), line);
    }

    @Test
    void anOptimizerRefusingItsArgumentsIsBadInputInTrainAndBench() throws Exception {
        Path file = nesterov();
        String line = file + ": sgd: nesterov needs a momentum > 0";
        badInput(CliRun.of("train", file.toString(), "--out", dir.resolve("run").toString(), "--no-progress"), line);
        badInput(CliRun.of("bench", file.toString(), "--steps", "1", "--rounds", "1", "--warmup", "0"), line);
    }
}
