import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Figures for `nn lsp`, measured from outside as an editor sees them: the server is the real
 * `java -jar nn.jar lsp` process, driven by LSP4J's client over its stdin/stdout.
 *
 *   java -cp nn-cli/target/nn.jar benchmarks/LspBench.java [EDITS_FOR_MEMORY]   (-Dnn.jar=OTHER.jar to measure another build)
 *
 * Prints: start time (spawn to the initialize answer); edit-to-diagnostics latency, p50 and
 * p99 over 100 edits, on examples/inception.nn and on a generated 2,000-line file (each edit
 * waits for its diagnostics, so the debounce delay is included); and the server's heap after a
 * full GC (jcmd) as EDITS_FOR_MEMORY more edits go by (default 3,600: an hour at one a second).
 */
public class LspBench {
    static final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();

    public static void main(String[] args) throws Exception {
        int memoryEdits = args.length > 0 ? Integer.parseInt(args[0]) : 3600;
        Path root = Path.of("").toAbsolutePath();
        Path jar = root.resolve(System.getProperty("nn.jar", "nn-cli/target/nn.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        long t0 = System.nanoTime();
        Process server = new ProcessBuilder(java, "-Xmx1g", "-jar", jar.toString(), "lsp")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(), server.getInputStream(), server.getOutputStream());
        launcher.startListening();
        LanguageServer remote = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setCapabilities(new ClientCapabilities());
        remote.initialize(init).get(60, TimeUnit.SECONDS);
        double startMs = (System.nanoTime() - t0) / 1e6;
        remote.initialized(new InitializedParams());
        System.out.printf("server start (spawn to initialize answer): %.0f ms%n", startMs);

        Path inception = root.resolve("examples/inception.nn");
        latency(remote, inception, Files.readString(inception), "inception.nn", "dense(10)", "dense(12)");

        Path generated = Files.createTempFile("generated", ".nn");
        String big = generate(2000);
        Files.writeString(generated, big);
        latency(remote, generated, big, "generated 2,000-line file", "dense(10) -> logits", "dense(12) -> logits");

        // Memory: many edits of the same document, the heap measured after a full GC now and then.
        String uri = inception.toUri().toString();
        String text = Files.readString(inception);
        int version = 1000;
        System.out.println("heap after full GC (jcmd GC.run; GC.heap_info), edits of inception.nn:");
        printHeap(server.pid(), 0);
        for (int i = 1; i <= memoryEdits; i++) {
            String next = i % 2 == 0 ? text : text.replace("dense(10)", "dense(" + (10 + i % 7) + ")");
            edit(remote, uri, ++version, next);
            if (i % (memoryEdits / 4) == 0) printHeap(server.pid(), i);
        }
        remote.shutdown().get(10, TimeUnit.SECONDS);
        remote.exit();
        server.waitFor(10, TimeUnit.SECONDS);
        System.exit(0);
    }

    static void latency(LanguageServer remote, Path file, String text, String label, String from, String to) throws Exception {
        String uri = file.toUri().toString();
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "nn", 1, text)));
        await(uri, 1);
        List<Double> ms = new ArrayList<>();
        String changed = text.replace(from, to);
        if (changed.equals(text)) throw new IllegalStateException(label + ": no '" + from + "' to edit");
        for (int v = 2; v < 102; v++) {
            long t = System.nanoTime();
            edit(remote, uri, v, v % 2 == 0 ? changed : text);
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("%s (%d lines): edit to diagnostics p50 %.0f ms, p99 %.0f ms over %d edits (debounce %d ms included)%n",
                label, text.split("\n").length, ms.get(49), ms.get(98), ms.size(), 150);
    }

    static void edit(LanguageServer remote, String uri, int version, String text) throws InterruptedException {
        remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
        await(uri, version);
    }

    static void await(String uri, int version) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams p = published.poll(60, TimeUnit.SECONDS);
            if (p == null) throw new IllegalStateException("no diagnostics for version " + version);
            if (p.getUri().equals(uri) && p.getVersion() != null && p.getVersion() == version) {
                if (!p.getDiagnostics().isEmpty()) throw new IllegalStateException("unexpected: " + p.getDiagnostics());
                return;
            }
        }
    }

    /** A model of about `lines` lines: a stem, then blocks of dense layers applied one after another. */
    static String generate(int lines) {
        StringBuilder s = new StringBuilder("// generated for benchmarks/LspBench.java\n");
        s.append("block unit(n) {\n    input x\n    h = x -> dense(n) -> relu()\n    output h\n}\n\n");
        s.append("model big {\n    input image: [1, 28, 28]\n    image -> flatten() -> dense(32) -> n0\n");
        int nodes = lines - 20;
        for (int i = 1; i <= nodes; i++) {
            s.append(i % 3 == 0 ? "    n" + (i - 1) + " -> unit(32) -> n" + i + "\n"
                    : "    n" + (i - 1) + " -> dense(32) -> relu() -> n" + i + "\n");
        }
        s.append("    n").append(nodes).append(" -> dense(10) -> logits\n    output logits\n}\n\n");
        s.append("train {\n    data      = mnist()\n    loss      = cross_entropy(logits, label)\n    optimizer = adam(lr = 1e-3)\n}\n");
        return s.toString();
    }

    static void printHeap(long pid, int edits) throws Exception {
        run("jcmd", String.valueOf(pid), "GC.run");
        String info = run("jcmd", String.valueOf(pid), "GC.heap_info");
        String used = info.lines().filter(l -> l.contains("used")).findFirst().orElse(info).trim();
        String rss = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
        System.out.printf("  after %5d edits: %s | %s%n", edits, used, rss);
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    static final class Client implements LanguageClient {
        public void publishDiagnostics(PublishDiagnosticsParams p) { published.add(p); }
        public void telemetryEvent(Object o) { }
        public void showMessage(MessageParams m) { }
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) { return CompletableFuture.completedFuture(null); }
        public void logMessage(MessageParams m) { }
    }
}
