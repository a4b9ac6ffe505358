package nn.lsp;

import nn.dsl.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiler's diagnostics as the protocol's, grouped by the file they are in. Notes
 * (where a block was used, where a file was imported) become related information. A problem
 * inside an imported file is also shown in the main file, at the import that led to it, so
 * the file being edited says that something it imports is broken.
 */
final class DiagnosticConverter {
    static final String SOURCE = "nn";

    private DiagnosticConverter() {
    }

    /** Diagnostics by file URI; the main file is always present (possibly with none). */
    static Map<String, List<org.eclipse.lsp4j.Diagnostic>> byFile(Path main, List<Diagnostic> diagnostics) {
        String mainUri = Documents.uri(main);
        Map<String, List<org.eclipse.lsp4j.Diagnostic>> out = new LinkedHashMap<>();
        out.put(mainUri, new ArrayList<>());
        for (Diagnostic d : diagnostics) {
            String uri = Documents.uri(Path.of(d.source()));
            out.computeIfAbsent(uri, k -> new ArrayList<>()).add(convert(d, d.message()));
            if (!uri.equals(mainUri)) {
                Diagnostic importedAt = outermostIn(mainUri, d);
                if (importedAt != null) {
                    String file = Path.of(d.source()).getFileName().toString();
                    org.eclipse.lsp4j.Diagnostic shown = convert(d, "in " + file + ":" + d.line() + ": " + d.message());
                    shown.setRange(range(importedAt));
                    out.get(mainUri).add(shown);
                }
            }
        }
        return out;
    }

    private static Diagnostic outermostIn(String uri, Diagnostic d) {
        for (int i = d.notes().size() - 1; i >= 0; i--) {
            Diagnostic n = d.notes().get(i);
            if (Documents.uri(Path.of(n.source())).equals(uri)) return n;
        }
        return null;
    }

    private static org.eclipse.lsp4j.Diagnostic convert(Diagnostic d, String message) {
        String text = d.hint() == null || d.hint().isEmpty() ? message : message + "\nhint: " + d.hint();
        org.eclipse.lsp4j.Diagnostic out = new org.eclipse.lsp4j.Diagnostic(range(d), text, severity(d), SOURCE);
        List<DiagnosticRelatedInformation> related = new ArrayList<>();
        for (Diagnostic note : d.notes()) {
            related.add(new DiagnosticRelatedInformation(
                    new Location(Documents.uri(Path.of(note.source())), range(note)), note.message()));
        }
        if (!related.isEmpty()) out.setRelatedInformation(related);
        return out;
    }

    static Range range(Diagnostic d) {
        if (d.line() <= 0) return new Range(new Position(0, 0), new Position(0, 0));
        int start = Math.max(0, d.column() - 1);
        // A span over several lines is cut at the end of its first (the compiler's convention).
        int end = d.length() == Integer.MAX_VALUE ? Math.max(start + 1, d.sourceLine().length())
                : start + Math.max(1, d.length());
        return new Range(new Position(d.line() - 1, start), new Position(d.line() - 1, end));
    }

    private static DiagnosticSeverity severity(Diagnostic d) {
        return switch (d.severity()) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case NOTE -> DiagnosticSeverity.Information;
        };
    }
}
