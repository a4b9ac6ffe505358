package nn.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Running out of memory, on the heap or off it, is one line naming what ran out, and exit 1. */
class OutOfMemoryTest {

    @Test
    void runningOutOfHeapWhileReadingIsOneLineWithWhatToChange(@TempDir Path out)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xmx40m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "train", CliRun.example("mnist-mlp.nn"), "--epochs", "1", "--no-progress", "--out", out.toString()));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "nn did not end");
        assertEquals(1, process.exitValue(), err);
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), err);
        // 40 MB cannot hold MNIST's 44.9 MB of training images: the reader names the file and the limit
        // before the heap runs out anywhere else.
        assertTrue(lines.get(0).startsWith("nn: error: ") && lines.get(0).contains("train-images-idx3-ubyte")
                && lines.get(0).contains("do not fit in this JVM's heap (limit 40.0 MB"), err);
        assertTrue(lines.get(0).contains("NN_JAVA_OPTS"), err);
        assertFalse(err.contains("\tat "), err);
    }

    @Test
    void nativeMemoryRunningOutInsideND4JIsNamedAsSuch() {
        OutOfMemoryError nativeOom;
        try {
            new org.bytedeco.javacpp.FloatPointer(Long.MAX_VALUE / 8); // what ND4J meets when its arrays fill memory
            throw new AssertionError("allocated an exabyte");
        } catch (OutOfMemoryError e) {
            nativeOom = e;
        }
        java.io.StringWriter text = new java.io.StringWriter();
        int code = Main.report(new java.io.PrintWriter(text), new RuntimeException("wrapped", nativeOom), false);
        assertEquals(1, code);
        List<String> lines = text.toString().lines().toList();
        assertEquals(1, lines.size(), text.toString());
        assertTrue(lines.get(0).startsWith("nn: error: out of memory: native memory for arrays: "), lines.get(0));
    }
}
