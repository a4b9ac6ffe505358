package nn.dsl;

import nn.dsl.grammar.NnParser;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows `import "other.nn"` from the main file: each path is relative to the file that
 * imports it, each file is read and parsed once (a diamond is fine), and a cycle is an error
 * naming the chain of files. Problems inside an imported file carry a note pointing at the
 * import. The result lists the parsed files with every import before its importer.
 */
final class Imports {

    /** One parsed file. */
    record Unit(Source source, NnParser.FileContext tree) {
    }

    private final Reporter reporter;
    private final SourceReader reader;
    private final Map<String, Unit> loaded = new LinkedHashMap<>();
    private final List<String> loading = new ArrayList<>();
    private final List<Unit> order = new ArrayList<>();

    Imports(Reporter reporter, SourceReader reader) {
        this.reporter = reporter;
        this.reader = reader;
    }

    /** The main file and everything it imports, imports first; the main file is last. */
    List<Unit> load(Unit main) {
        visit(main);
        return order;
    }

    private void visit(Unit unit) {
        String name = unit.source().name();
        loading.add(name);
        for (NnParser.DeclarationContext d : unit.tree().declaration()) {
            if (d.importDecl() != null) importFile(unit, d.importDecl());
        }
        loading.remove(loading.size() - 1);
        loaded.put(name, unit);
        order.add(unit);
    }

    private void importFile(Unit from, NnParser.ImportDeclContext decl) {
        Source.Span at = Source.Span.of(decl.path);
        String written = SyntaxErrors.isClosed(decl.path.getText())
                ? decl.path.getText().substring(1, decl.path.getText().length() - 1) : "";
        if (written.isBlank() || !written.endsWith(".nn")) {
            reporter.error(at, "an import names a .nn file", "e.g. import \"blocks.nn\"");
            return;
        }
        String name;
        try {
            name = Path.of(from.source().name()).resolveSibling(written).normalize().toString();
        } catch (InvalidPathException e) {
            reporter.error(at, "'" + written + "' is not a file path", null);
            return;
        }
        if (loading.contains(name)) {
            List<String> chain = new ArrayList<>(loading.subList(loading.indexOf(name), loading.size()));
            chain.add(name);
            reporter.error(at, "import cycle: " + String.join(" -> ", chain), "a file cannot import itself, even indirectly");
            return;
        }
        if (loaded.containsKey(name)) return;

        String text;
        try {
            text = reader.read(Path.of(name));
        } catch (NoSuchFileException e) {
            reporter.error(at, "cannot import '" + written + "': no such file", "the path is relative to the importing file: "
                    + "looked for " + name);
            return;
        } catch (CharacterCodingException e) {
            reporter.error(at, "cannot import '" + written + "': not a UTF-8 text file", null);
            return;
        } catch (IOException | RuntimeException e) {
            reporter.error(at, "cannot import '" + written + "': " + e.getMessage(), null);
            return;
        }
        Source source = new Source(name, text);
        reporter.add(source);
        reporter.enter(at, "in the file imported here");
        try {
            NnParser.FileContext tree = FileParser.parse(source, reporter);
            if (tree != null) visit(new Unit(source, tree));
            else loaded.put(name, null);
        } finally {
            reporter.leave();
        }
    }
}
