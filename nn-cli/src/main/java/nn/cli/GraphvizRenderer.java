package nn.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Graphviz's `dot` to render DOT text as SVG or PNG; says clearly when it is not installed. */
class GraphvizRenderer {
    private static final long TIMEOUT_SECONDS = 60;

    private final String command;

    @com.google.inject.Inject
    GraphvizRenderer() {
        this("dot");
    }

    /** A renderer running `command` instead of `dot` (for tests). */
    GraphvizRenderer(String command) {
        this.command = command;
    }

    /** Whether the command can be run here. */
    boolean available() {
        try {
            Process p = new ProcessBuilder(command, "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void render(String dot, String format, Path output) {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command, "-T" + format, "-o", output.toString())).start();
        } catch (IOException e) {
            throw new RunFailure("rendering " + output + " needs Graphviz's 'dot', which is not installed here "
                    + "(Debian/Ubuntu: apt-get install graphviz); 'nn graph FILE -o out.dot' writes the DOT text");
        }
        try (OutputStream in = p.getOutputStream()) {
            in.write(dot.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // dot exited early; its message follows
        }
        String errors = drain(p.getErrorStream());
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new RunFailure("Graphviz's dot did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new RunFailure("interrupted while rendering " + output);
        }
        if (p.exitValue() != 0 || !Files.exists(output)) {
            throw new RunFailure("Graphviz's dot failed to render " + output + ": " + errors.strip());
        }
    }

    private static String drain(InputStream stream) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stream.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
