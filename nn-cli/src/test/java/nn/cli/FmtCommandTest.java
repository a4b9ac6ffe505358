package nn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FmtCommandTest {
    static final String UGLY = "model m{\ninput x:[4]\nx->dense(2)->y\noutput y\n}\n";
    static final String PRETTY = "model m {\n    input x: [4]\n    x -> dense(2) -> y\n    output y\n}\n";

    @Test
    void rewritesTheFileAndASecondRunChangesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.nn");
        Files.writeString(file, UGLY);
        CliRun run = CliRun.of("fmt", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(PRETTY, Files.readString(file));
        assertTrue(run.out().contains("formatted " + file), run.out());

        CliRun again = CliRun.of("fmt", file.toString());
        assertEquals(0, again.exitCode());
        assertEquals("", again.out());
        assertEquals(PRETTY, Files.readString(file));
    }

    @Test
    void checkChangesNothingAndExitsOneWhenUnformatted(@TempDir Path dir) throws Exception {
        Path ugly = dir.resolve("ugly.nn");
        Path pretty = dir.resolve("pretty.nn");
        Files.writeString(ugly, UGLY);
        Files.writeString(pretty, PRETTY);
        CliRun run = CliRun.of("fmt", "--check", ugly.toString(), pretty.toString());
        assertEquals(1, run.exitCode());
        assertEquals(UGLY, Files.readString(ugly));
        assertTrue(run.out().contains(ugly + ": not formatted"), run.out());
        assertEquals(0, CliRun.of("fmt", "--check", pretty.toString()).exitCode());
    }

    @Test
    void stdoutPrintsInsteadOfWriting(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.nn");
        Files.writeString(file, UGLY);
        CliRun run = CliRun.of("fmt", "--stdout", file.toString());
        assertEquals(PRETTY, run.out());
        assertEquals(UGLY, Files.readString(file));
    }

    @Test
    void theExamplesAreFormatted() {
        CliRun run = CliRun.of("fmt", "--check", CliRun.example("mnist-mlp.nn"), CliRun.example("residual.nn"),
                CliRun.example("inception.nn"));
        assertEquals(0, run.exitCode(), run.out());
    }

    @Test
    void aFileWithSyntaxErrorsIsLeftAloneWithExitTwo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.nn");
        Files.writeString(file, "model m {\n    input x [4]\n}\n");
        CliRun run = CliRun.of("fmt", file.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("bad.nn:2:13: error: expected ':' but found '['"), run.err());
        assertEquals("model m {\n    input x [4]\n}\n", Files.readString(file));
    }
}
