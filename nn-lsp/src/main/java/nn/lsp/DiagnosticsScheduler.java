package nn.lsp;

import nn.dsl.Compiled;
import nn.dsl.SourceIndex;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Compiles documents after the editor has been quiet for a moment, on one worker thread of
 * its own, and publishes the diagnostics. The editor never waits for a compilation: an edit
 * only (re)starts a timer. A result for a version that has since changed is dropped, since
 * the newer version is already scheduled. Editing a file also recompiles the open files that
 * import it.
 */
final class DiagnosticsScheduler implements AutoCloseable {
    private final Documents documents;
    private final Analyzer analyzer;
    private final long debounceMillis;
    private final Consumer<PublishDiagnosticsParams> publisher;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nn-lsp-compile");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Map<String, Analysis> analyses = new ConcurrentHashMap<>();
    /** For each open document, the files its last diagnostics went to: cleared when they no longer apply. */
    private final Map<String, Set<String>> publishedTo = new ConcurrentHashMap<>();

    DiagnosticsScheduler(Documents documents, Analyzer analyzer, long debounceMillis,
                         Consumer<PublishDiagnosticsParams> publisher) {
        this.documents = documents;
        this.analyzer = analyzer;
        this.debounceMillis = debounceMillis;
        this.publisher = publisher;
    }

    /** The document changed (or opened): compile it, and the open files importing it, once the edits pause. */
    void changed(String uri) {
        schedule(uri);
        Documents.Document changed = documents.get(uri);
        if (changed == null) return;
        for (Analysis a : analyses.values()) {
            String other = a.document().uri();
            if (!other.equals(uri) && imports(a.document(), changed.path())) schedule(other);
        }
    }

    void closed(String uri) {
        ScheduledFuture<?> f = pending.remove(uri);
        if (f != null) f.cancel(false);
        analyses.remove(uri);
        worker.execute(() -> {
            Set<String> old = publishedTo.remove(uri);
            if (old != null) for (String target : old) publisher.accept(new PublishDiagnosticsParams(target, List.of()));
        });
    }

    /** The latest analysis of an open document, or null before its first compilation. */
    Analysis latest(String uri) {
        return analyses.get(uri);
    }

    private void schedule(String uri) {
        ScheduledFuture<?> previous = pending.put(uri, worker.schedule(() -> compile(uri), debounceMillis, TimeUnit.MILLISECONDS));
        if (previous != null) previous.cancel(false);
    }

    private void compile(String uri) {
        Documents.Document document = documents.get(uri);
        if (document == null) return;
        Analysis before = analyses.get(uri);
        Compiled lastGood = before == null ? null : before.lastGood();
        Analysis analysis;
        try {
            analysis = analyzer.analyze(document, lastGood);
        } catch (RuntimeException | StackOverflowError e) {
            // A compiler bug must not take the server down; the editor keeps the last diagnostics.
            System.err.println("nn lsp: compiling " + uri + " failed: " + e);
            return;
        }
        Documents.Document now = documents.get(uri);
        if (now == null || now.version() != document.version()) return;
        analyses.put(uri, analysis);
        publish(uri, analysis);
    }

    private void publish(String uri, Analysis analysis) {
        Map<String, List<org.eclipse.lsp4j.Diagnostic>> byFile =
                DiagnosticConverter.byFile(analysis.document().path(), analysis.diagnostics());
        Set<String> old = publishedTo.getOrDefault(uri, Set.of());
        for (String target : old) {
            if (!byFile.containsKey(target)) publisher.accept(new PublishDiagnosticsParams(target, List.of()));
        }
        byFile.forEach((target, list) -> {
            PublishDiagnosticsParams p = new PublishDiagnosticsParams(target, list);
            if (target.equals(uri)) p.setVersion(analysis.document().version());
            publisher.accept(p);
        });
        publishedTo.put(uri, new HashSet<>(byFile.keySet()));
    }

    private static boolean imports(Documents.Document document, Path file) {
        for (SourceIndex.Symbol s : SourceIndex.of(document.text()).symbols()) {
            if (s.kind() != SourceIndex.Kind.IMPORT) continue;
            try {
                if (document.path().resolveSibling(s.detail()).normalize().equals(file)) return true;
            } catch (RuntimeException e) {
                // not a path: the compiler reports it
            }
        }
        return false;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
