package nn.cli;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `nn lsp --plugins DIR` as a separate JVM from the built nn.jar, driven by LSP4J's client over
 * its standard input and output: the plugins' operations compile, complete, and their hover
 * names the plugin's jar; `shutdown` then `exit` end the process with code 0.
 */
class LspProcessIT {

    @Test
    void servesThePluginsOperationsFromTheirJar() throws Exception {
        Path project = CliRun.projectDir();
        Path plugins = project.resolve("examples/plugin-example/target");
        Path model = project.resolve("examples/plugin-example/scaled-mlp.nn");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", project.resolve("nn-cli/target/nn.jar").toString(), "lsp", "--plugins", plugins.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
            Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(published),
                    server.getInputStream(), server.getOutputStream());
            launcher.startListening();
            LanguageServer remote = launcher.getRemoteProxy();
            InitializeParams init = new InitializeParams();
            init.setCapabilities(new ClientCapabilities());
            assertEquals("nn", remote.initialize(init).get(60, TimeUnit.SECONDS).getServerInfo().getName());
            remote.initialized(new InitializedParams());

            String uri = model.toUri().toString();
            String text = Files.readString(model);
            remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "nn", 1, text)));
            PublishDiagnosticsParams diagnostics = published.poll(60, TimeUnit.SECONDS);
            assertNotNull(diagnostics, "no diagnostics");
            assertEquals(List.of(), diagnostics.getDiagnostics(), "scale, swish and gelu come from the plugin");

            Position onScale = new Position(4, text.lines().toList().get(4).indexOf("scale") + 1);
            Hover hover = remote.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), onScale))
                    .get(30, TimeUnit.SECONDS);
            String md = hover.getContents().getRight().getValue();
            assertTrue(md.contains("scale(") && md.contains("nn-plugin-example-1.0.jar"), md);

            Position afterArrow = new Position(5, text.lines().toList().get(5).indexOf("gelu"));
            List<CompletionItem> items = remote.getTextDocumentService()
                    .completion(new CompletionParams(new TextDocumentIdentifier(uri), afterArrow)).get(30, TimeUnit.SECONDS).getLeft();
            assertTrue(items.stream().anyMatch(i -> i.getLabel().equals("swish")), "plugin operations are offered");

            remote.shutdown().get(30, TimeUnit.SECONDS);
            remote.exit();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server ends after exit");
            assertEquals(0, server.exitValue());
        } finally {
            server.destroyForcibly();
        }
    }

    private record Client(BlockingQueue<PublishDiagnosticsParams> published) implements LanguageClient {
        public void publishDiagnostics(PublishDiagnosticsParams p) {
            published.add(p);
        }

        public void telemetryEvent(Object o) {
        }

        public void showMessage(MessageParams m) {
        }

        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) {
            return CompletableFuture.completedFuture(null);
        }

        public void logMessage(MessageParams m) {
        }
    }
}
