package nn.lsp;

import nn.dsl.Compiled;
import nn.dsl.Diagnostic;

import java.util.List;

/**
 * What the compiler said about one version of a document: every diagnostic (errors,
 * warnings), the model when it compiled (else null), and the last model that did compile,
 * which hovers keep showing shapes from while the text is broken.
 */
record Analysis(Documents.Document document, Compiled compiled, Compiled lastGood, List<Diagnostic> diagnostics) {
    Analysis {
        diagnostics = List.copyOf(diagnostics);
    }
}
