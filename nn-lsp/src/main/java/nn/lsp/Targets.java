package nn.lsp;

import nn.dsl.SourceIndex;
import nn.dsl.SourceReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds what a name written in a document stands for: a definition in the document itself,
 * or a block or constant of a file it imports (followed through imports of imports).
 */
final class Targets {

    /** A definition and the file it is in. */
    record Target(Path file, SourceIndex.Symbol symbol) {
    }

    private final SourceReader reader;

    Targets(SourceReader reader) {
        this.reader = reader;
    }

    /** The definition of a mention, or null (an operation, or a name defined nowhere). */
    Target resolve(Path file, SourceIndex index, SourceIndex.Mention mention) {
        SourceIndex.Symbol local = index.resolve(mention);
        if (local != null) return new Target(file, local);
        Deque<Path> pending = new ArrayDeque<>(importsOf(file, index));
        Set<Path> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Path imported = pending.pop();
            if (!seen.add(imported)) continue;
            SourceIndex other = read(imported);
            if (other == null) continue;
            for (SourceIndex.Symbol s : other.symbols()) {
                boolean callable = s.kind() == SourceIndex.Kind.BLOCK;
                boolean fileLevel = callable || s.kind() == SourceIndex.Kind.CONSTANT;
                if (fileLevel && s.name().equals(mention.name()) && callable == mention.call()) return new Target(imported, s);
            }
            pending.addAll(importsOf(imported, other));
        }
        return null;
    }

    /** The file an import names, relative to the importing file, or null if it is not a path. */
    static Path importedFile(Path from, SourceIndex.Symbol importSymbol) {
        try {
            return from.resolveSibling(importSymbol.detail()).normalize();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static java.util.List<Path> importsOf(Path file, SourceIndex index) {
        java.util.List<Path> out = new java.util.ArrayList<>();
        for (SourceIndex.Symbol s : index.symbols()) {
            if (s.kind() != SourceIndex.Kind.IMPORT) continue;
            Path p = importedFile(file, s);
            if (p != null) out.add(p);
        }
        return out;
    }

    private SourceIndex read(Path file) {
        try {
            return SourceIndex.of(reader.read(file));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
