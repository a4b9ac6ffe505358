package nn.lsp;

import nn.dsl.CompileException;
import nn.dsl.Compiled;
import nn.dsl.ModelCompiler;
import nn.dsl.SourceReader;

import java.nio.file.Files;

/**
 * Compiles a document with {@link ModelCompiler}, the compiler behind `nn check`, so the
 * editor and the command line never disagree. Imports are read from the editor's open
 * documents when they are open (unsaved edits count), from disk otherwise.
 */
final class Analyzer {
    private final Providers providers;
    private final SourceReader reader;

    Analyzer(Providers providers, Documents documents) {
        this.providers = providers;
        this.reader = file -> {
            Documents.Document open = documents.at(file);
            return open != null ? open.text() : Files.readString(file);
        };
    }

    SourceReader reader() {
        return reader;
    }

    Analysis analyze(Documents.Document document, Compiled lastGood) {
        try {
            Compiled compiled = ModelCompiler.compile(document.path().toString(), document.text(), providers.registry(), reader);
            return new Analysis(document, compiled, compiled, compiled.warnings());
        } catch (CompileException e) {
            return new Analysis(document, null, lastGood, e.diagnostics());
        }
    }
}
