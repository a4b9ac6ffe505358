package nn.lsp;

import nn.api.registry.Registry;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
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

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real LSP4J client talking JSON-RPC to the server through a pair of pipes, as an editor
 * does through standard input and output.
 */
final class TestClient implements LanguageClient, AutoCloseable {
    private static Registry registry;

    final LanguageServer server;
    private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    private final Thread serverThread;

    TestClient() throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        Registry r = registry();
        serverThread = new Thread(() -> {
            try {
                LspServer.serve(r, "test", serverIn, serverOut);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    serverOut.close();
                } catch (IOException ignored) {
                    // the client reads the end of the stream either way
                }
            }
        }, "nn-lsp-under-test");
        serverThread.setDaemon(true);
        serverThread.start();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(this, clientIn, clientOut);
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    static synchronized Registry registry() {
        if (registry == null) registry = Registry.load();
        return registry;
    }

    InitializeResult initialize() throws Exception {
        InitializeParams params = new InitializeParams();
        params.setCapabilities(new ClientCapabilities());
        InitializeResult result = server.initialize(params).get(10, TimeUnit.SECONDS);
        server.initialized(new org.eclipse.lsp4j.InitializedParams());
        return result;
    }

    void open(String uri, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "nn", 1, text)));
    }

    void replace(String uri, int version, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    /** The next diagnostics published for a file (others are skipped). */
    PublishDiagnosticsParams diagnosticsFor(String uri) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams p = diagnostics.poll(100, TimeUnit.MILLISECONDS);
            if (p != null && p.getUri().equals(uri)) return p;
        }
        throw new AssertionError("no diagnostics for " + uri + " within 20 s");
    }

    /** Whatever diagnostics are published within a short while, for checking that nothing else arrives. */
    PublishDiagnosticsParams pollDiagnostics(long millis) throws InterruptedException {
        return diagnostics.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
        diagnostics.add(params);
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void showMessage(MessageParams params) {
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams params) {
    }

    @Override
    public void close() throws Exception {
        server.shutdown().get(10, TimeUnit.SECONDS);
        server.exit();
        serverThread.join(5000);
    }
}
