package nn.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** `nn serve` in a JVM of its own, as a user starts it; its port read from what it prints. */
final class ServeProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    final Process process;
    final String base;
    final StringBuffer output = new StringBuffer();
    private Thread drain;

    private ServeProcess(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    static ServeProcess start(Path log, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        StringBuilder seen = new StringBuilder();
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                ServeProcess server = new ServeProcess(p, m.group(1));
                server.output.append(seen);
                server.drain = new Thread(() -> out.lines().forEach(l -> server.output.append(l).append('\n')));
                server.drain.setDaemon(true);
                server.drain.start();
                return server;
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("nn serve did not start:\n" + seen + "\n" + java.nio.file.Files.readString(log));
    }

    /** SIGTERM, as a service manager stops it; the exit code. */
    int terminate() throws InterruptedException, IOException {
        // Process.destroy() would also close our end of its output, losing what it prints on the way out.
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).inheritIO().start().waitFor();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("nn serve did not stop within 60 s of SIGTERM");
        }
        drain.join(5000); // everything it printed
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) process.destroyForcibly();
    }

}
