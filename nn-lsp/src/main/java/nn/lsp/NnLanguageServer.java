package nn.lsp;

import nn.api.registry.Registry;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SignatureHelpOptions;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The `.nn` language server: what it offers, and the services that answer. */
public final class NnLanguageServer implements LanguageServer, LanguageClientAware {
    /** How long the editor must be quiet before a compilation starts. */
    public static final long DEBOUNCE_MILLIS = 150;

    private final Documents documents = new Documents();
    private final DiagnosticsScheduler diagnostics;
    private final NnTextDocumentService textDocuments;
    private final String version;
    private volatile LanguageClient client;
    private volatile boolean shutdown;
    private volatile Runnable onExit = () -> { };

    /** @param registry the providers a file may call (the class path's and the plugins'), as for `nn check` */
    public NnLanguageServer(Registry registry, String version, long debounceMillis) {
        Providers providers = new Providers(registry);
        Analyzer analyzer = new Analyzer(providers, documents);
        this.version = version;
        this.diagnostics = new DiagnosticsScheduler(documents, analyzer, debounceMillis, p -> {
            LanguageClient c = client;
            if (c != null) c.publishDiagnostics(p);
        });
        this.textDocuments = new NnTextDocumentService(documents, diagnostics, providers, analyzer);
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ServerCapabilities c = new ServerCapabilities();
        c.setTextDocumentSync(TextDocumentSyncKind.Incremental);
        c.setHoverProvider(true);
        c.setCompletionProvider(new CompletionOptions(false, List.of("(", ",", "=", ">")));
        c.setSignatureHelpProvider(new SignatureHelpOptions(List.of("(", ",")));
        c.setDefinitionProvider(true);
        c.setReferencesProvider(true);
        c.setRenameProvider(true);
        c.setDocumentFormattingProvider(true);
        c.setDocumentSymbolProvider(true);
        return CompletableFuture.completedFuture(new InitializeResult(c, new ServerInfo("nn", version)));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        diagnostics.close();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        diagnostics.close();
        onExit.run();
    }

    /** What `exit` does besides stopping the compiler: end the connection. */
    void onExit(Runnable action) {
        this.onExit = action;
    }

    boolean isShutdown() {
        return shutdown;
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return textDocuments;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return new WorkspaceService() {
            @Override
            public void didChangeConfiguration(DidChangeConfigurationParams params) {
            }

            @Override
            public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
            }
        };
    }
}
