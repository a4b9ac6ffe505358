package nn.lsp;

import nn.api.registry.Registry;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Runs the language server over a pair of streams (standard input and output for `nn lsp`) until the client leaves. */
public final class LspServer {
    private LspServer() {
    }

    /**
     * Serves until the input ends or the client sends `exit`; returns the exit code the
     * protocol asks for: 0 after `shutdown`, 1 without it.
     */
    public static int serve(Registry registry, String version, InputStream in, OutputStream out)
            throws InterruptedException {
        NnLanguageServer server = new NnLanguageServer(registry, version, NnLanguageServer.DEBOUNCE_MILLIS);
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        server.onExit(() -> listening.cancel(true));
        try {
            listening.get();
        } catch (ExecutionException | CancellationException e) {
            // The stream closed under the reader (the client is gone), or the client said `exit`.
        }
        return server.isShutdown() ? 0 : 1;
    }
}
