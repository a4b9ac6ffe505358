package nn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real backends on this machine: a CPU with AVX2, no GPU, nn-backend-cuda without its natives. */
class BackendCommandsTest {
    @TempDir
    Path dir;

    private static String[] train(Path out, String backend) {
        return new String[]{"train", CliRun.example("mnist-mlp.nn"), "--epochs", "1", "--train-limit", "2000",
                "--test-limit", "200", "--no-progress", "--backend", backend, "--out", out.toString()};
    }

    @Test
    void backendsListsBothAndSaysWhyCudaCannotRun() {
        CliRun run = CliRun.of("backends");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("cpu") && l.contains("can run here")), run.out());
        String cuda = run.out().lines().filter(l -> l.startsWith("cuda")).findFirst().orElseThrow();
        assertTrue(cuda.contains("cannot run here: nd4j-cuda-11.6 is not on the class path"), cuda);
        assertTrue(cuda.contains("no NVIDIA driver"), cuda);
    }

    @Test
    void trainOnCudaHereFailsWithTheReasonAndNoStackTrace() {
        CliRun run = CliRun.of(train(dir.resolve("cuda"), "cuda"));
        assertEquals(ExitCodes.FAILURE, run.exitCode(), run.out());
        assertTrue(run.err().contains("backend 'cuda' cannot run here"), run.err());
        assertTrue(run.err().contains("no NVIDIA driver"), run.err());
        assertTrue(run.err().contains("-Pcuda"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertFalse(run.out().contains("epoch"), "must not fall back to the CPU silently: " + run.out());
    }

    @Test
    void anUnknownBackendNameIsBadInput() {
        CliRun run = CliRun.of("train", CliRun.example("mnist-mlp.nn"), "--backend", "tpu");
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("no backend named 'tpu' (--backend); choose cpu, cuda or auto"), run.err());
    }

    @Test
    void trainOnCpuTrains() {
        CliRun run = CliRun.of(train(dir.resolve("cpu"), "cpu"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("backend cpu (linux-x86_64-onednn-avx2, 1 thread)"), run.out());
        assertTrue(run.out().contains("final test accuracy"), run.out());
        assertFalse(run.err().contains("warning"), run.err());
    }

    @Test
    void trainOnAutoTakesTheCpuSilentlyWhenThisBuildHasNoCuda() {
        // The default build holds no CUDA natives: nothing the user asked for or could expect is missing.
        CliRun run = CliRun.of(train(dir.resolve("auto"), "auto"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("backend cpu"), run.out());
        assertFalse(run.err().contains("warning"), run.err());
    }

    @Test
    void doctorReportsEverySection() {
        CliRun run = CliRun.of("doctor");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        for (String expected : new String[]{"machine:", "java ", "os ", "memory ", "cpu features", "AVX2 yes",
                "nd4j ", "1.0.0-M2.1", "natives          linux-x86_64-onednn-avx2", "blas ", "blas threads", "openmp threads",
                "backends:", "cuda nvidia driver", "plugins (by jar):", "dense", "data sets:", "NN_DATA_DIR", "cache "}) {
            assertTrue(out.contains(expected), "missing '" + expected + "' in:\n" + out);
        }
        assertFalse(out.contains("not loaded"), out);
    }
}
