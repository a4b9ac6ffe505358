package nn.dsl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the diagnostics of one compilation, across the main file and its imports. While a
 * block is expanded or an imported file is read, each diagnostic also records where that
 * happened (a note per level). The same problem reached twice (a block used twice) is
 * reported once. Diagnostics are shown in the order of the main file: by where they were
 * reached from, then by their own place.
 */
final class Reporter {

    /** One level of context: the place that led into a block or file, and what to say about it. */
    record Frame(Source.Span at, String note) {
    }

    private record Entry(Diagnostic diagnostic, List<Source.Span> path, int order) {
    }

    private final Source main;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Deque<Frame> context = new ArrayDeque<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private int errors;

    /** Past this many errors, the rest are counted but not shown (like a compiler's -fmax-errors). */
    static final int MAX_ERRORS = 50;

    Reporter(Source main) {
        this.main = main;
        sources.put(main.name(), main);
    }

    /** Makes another file's lines available to diagnostics (an import). */
    void add(Source source) {
        sources.putIfAbsent(source.name(), source);
    }

    Source source() {
        return main;
    }

    /** Diagnostics from now on happen inside what `at` led to, until {@link #leave()}. */
    void enter(Source.Span at, String note) {
        context.push(new Frame(at, note));
    }

    void leave() {
        context.pop();
    }

    /** The current context, innermost first: kept with a node to report about it later. */
    List<Frame> context() {
        return List.copyOf(context);
    }

    /** Runs `action` as if reached through `frames` (innermost first), then restores the context. */
    void within(List<Frame> frames, Runnable action) {
        List<Frame> saved = List.copyOf(context);
        context.clear();
        context.addAll(frames);
        try {
            action.run();
        } finally {
            context.clear();
            context.addAll(saved);
        }
    }

    void error(Source.Span at, String message, String hint) {
        report(at, Diagnostic.Severity.ERROR, message, hint);
    }

    void warning(Source.Span at, String message, String hint) {
        report(at, Diagnostic.Severity.WARNING, message, hint);
    }

    private void report(Source.Span at, Diagnostic.Severity severity, String message, String hint) {
        Source source = sourceOf(at);
        String key = severity + "|" + source.name() + "|" + at.line() + "|" + at.column() + "|" + message;
        if (!seen.add(key)) return;
        if (severity == Diagnostic.Severity.ERROR && ++errors > MAX_ERRORS) return;
        List<Diagnostic> notes = new ArrayList<>();
        List<Source.Span> path = new ArrayList<>();
        for (Frame f : context) {
            notes.add(sourceOf(f.at()).diagnostic(f.at(), Diagnostic.Severity.NOTE, f.note(), null, List.of()));
            path.add(0, f.at());
        }
        path.add(at);
        entries.add(new Entry(source.diagnostic(at, severity, message, hint, notes), path, entries.size()));
    }

    private Source sourceOf(Source.Span at) {
        Source s = at.source() == null ? null : sources.get(at.source());
        return s != null ? s : main;
    }

    boolean hasErrors() {
        return errors > 0;
    }

    /** Every diagnostic, in the order of the main file. */
    List<Diagnostic> sorted() {
        List<Entry> out = new ArrayList<>(entries);
        out.sort(this::compare);
        List<Diagnostic> ds = new ArrayList<>();
        for (Entry e : out) ds.add(e.diagnostic());
        if (errors > MAX_ERRORS) {
            ds.add(new Diagnostic(main.name(), 0, 0, 1, "too many errors: " + errors + " found, the first "
                    + MAX_ERRORS + " shown", "fix these and check again", ""));
        }
        return ds;
    }

    /** The warnings alone, in order. */
    List<Diagnostic> warnings() {
        List<Diagnostic> ws = new ArrayList<>();
        for (Diagnostic d : sorted()) if (!d.isError()) ws.add(d);
        return ws;
    }

    /** Outermost place first (file-level problems before lines), deeper places after; ties keep the order found. */
    private int compare(Entry a, Entry b) {
        int n = Math.min(a.path().size(), b.path().size());
        for (int i = 0; i < n; i++) {
            int c = compare(a.path().get(i), b.path().get(i));
            if (c != 0) return c;
        }
        if (a.path().size() != b.path().size()) return Integer.compare(a.path().size(), b.path().size());
        return Integer.compare(a.order(), b.order());
    }

    private int compare(Source.Span a, Source.Span b) {
        int c = Integer.compare(rank(a), rank(b));
        if (c != 0) return c;
        c = Integer.compare(a.line(), b.line());
        return c != 0 ? c : Integer.compare(a.column(), b.column());
    }

    private int rank(Source.Span s) {
        String name = sourceOf(s).name();
        int i = 0;
        for (String k : sources.keySet()) {
            if (k.equals(name)) return i;
            i++;
        }
        return i;
    }
}
