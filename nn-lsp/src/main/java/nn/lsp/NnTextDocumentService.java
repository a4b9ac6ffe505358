package nn.lsp;

import nn.dsl.CompileException;
import nn.dsl.Compiled;
import nn.dsl.Formatter;
import nn.dsl.SourceIndex;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.TextDocumentService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The document requests. Edits only update the text and restart the diagnostics timer; every
 * other request answers from the current text (indexed on the spot, which takes
 * milliseconds) and the last compilation, never waiting for the compiler.
 */
final class NnTextDocumentService implements TextDocumentService {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("model", "input", "output", "train", "true", "false", "block",
            "repeat", "import", "let");

    private final Documents documents;
    private final DiagnosticsScheduler diagnostics;
    private final Targets targets;
    private final Hovers hovers;
    private final Completions completions;
    private final Signatures signatures;

    NnTextDocumentService(Documents documents, DiagnosticsScheduler diagnostics, Providers providers, Analyzer analyzer) {
        this.documents = documents;
        this.diagnostics = diagnostics;
        this.targets = new Targets(analyzer.reader());
        this.hovers = new Hovers(providers, targets);
        this.completions = new Completions(providers);
        this.signatures = new Signatures(providers);
    }

    // ---------------------------------------------------------------- synchronisation

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var d = params.getTextDocument();
        documents.put(new Documents.Document(d.getUri(), d.getVersion(), d.getText()));
        diagnostics.changed(d.getUri());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        Documents.Document old = documents.get(uri);
        if (old == null) return;
        String text = old.text();
        for (TextDocumentContentChangeEvent change : params.getContentChanges()) text = apply(text, change);
        documents.put(new Documents.Document(uri, params.getTextDocument().getVersion(), text));
        diagnostics.changed(uri);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        documents.remove(params.getTextDocument().getUri());
        diagnostics.closed(params.getTextDocument().getUri());
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // The open text is what is compiled already.
    }

    /** A full replacement, or an incremental edit of a range. */
    private static String apply(String text, TextDocumentContentChangeEvent change) {
        if (change.getRange() == null) return change.getText();
        int start = Positions.offset(text, change.getRange().getStart());
        int end = Positions.offset(text, change.getRange().getEnd());
        return text.substring(0, start) + change.getText() + text.substring(Math.max(start, end));
    }

    // ---------------------------------------------------------------- features

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return answer(params.getTextDocument().getUri(), d -> {
            Analysis a = diagnostics.latest(d.uri());
            Compiled model = a == null ? null : a.lastGood();
            boolean stale = a == null || a.compiled() == null || a.document().version() != d.version();
            Position p = params.getPosition();
            return hovers.hover(d.path(), SourceIndex.of(d.text()), model, stale && model != null,
                    Positions.line(p), Positions.column(p));
        });
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return answer(params.getTextDocument().getUri(), d -> {
            Position p = params.getPosition();
            CursorContext at = CursorContext.at(d.text(), Positions.offset(d.text(), p));
            return Either.forLeft(completions.complete(SourceIndex.of(d.text()), at, Positions.line(p), Positions.column(p)));
        });
    }

    @Override
    public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
        return answer(params.getTextDocument().getUri(), d -> {
            CursorContext at = CursorContext.at(d.text(), Positions.offset(d.text(), params.getPosition()));
            return signatures.help(SourceIndex.of(d.text()), at);
        });
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        return answer(params.getTextDocument().getUri(), d -> {
            SourceIndex index = SourceIndex.of(d.text());
            Position p = params.getPosition();
            SourceIndex.Symbol imported = index.symbolAt(Positions.line(p), Positions.column(p));
            if (imported != null && imported.kind() == SourceIndex.Kind.IMPORT) {
                Path file = Targets.importedFile(d.path(), imported);
                if (file == null) return Either.forLeft(List.of());
                return Either.forLeft(List.of(new Location(Documents.uri(file), new Range(new Position(0, 0), new Position(0, 0)))));
            }
            SourceIndex.Mention m = index.mentionAt(Positions.line(p), Positions.column(p));
            Targets.Target target = m == null ? null : targets.resolve(d.path(), index, m);
            if (target == null) return Either.forLeft(List.of());
            return Either.forLeft(List.of(new Location(Documents.uri(target.file()), Positions.range(target.symbol().at()))));
        });
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        return answer(params.getTextDocument().getUri(), d -> {
            SourceIndex index = SourceIndex.of(d.text());
            List<Location> out = new ArrayList<>();
            for (SourceIndex.Mention m : occurrences(index, params.getPosition())) {
                if (m.definition() && !params.getContext().isIncludeDeclaration()) continue;
                out.add(new Location(d.uri(), Positions.range(m.at())));
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return answer(params.getTextDocument().getUri(), d -> {
            String name = params.getNewName();
            if (!NAME.matcher(name).matches() || KEYWORDS.contains(name)) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                        "'" + name + "' is not a name: a letter or _, then letters, digits or _ (and not a keyword)", null));
            }
            SourceIndex index = SourceIndex.of(d.text());
            List<SourceIndex.Mention> all = occurrences(index, params.getPosition());
            if (all.isEmpty()) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                        "only a node, block, constant or block parameter defined in this file can be renamed", null));
            }
            List<TextEdit> edits = new ArrayList<>();
            for (SourceIndex.Mention m : all) edits.add(new TextEdit(Positions.range(m.at()), name));
            return new WorkspaceEdit(Map.of(d.uri(), edits));
        });
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return answer(params.getTextDocument().getUri(), d -> {
            String formatted;
            try {
                formatted = Formatter.format(d.path().toString(), d.text());
            } catch (CompileException e) {
                return List.of(); // a file with syntax errors is left alone, as `nn fmt` does; the diagnostics say why
            }
            if (formatted.equals(d.text())) return List.of();
            return List.of(new TextEdit(Positions.whole(d.text()), formatted));
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return answer(params.getTextDocument().getUri(), d -> {
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            for (DocumentSymbol s : DocumentSymbols.of(SourceIndex.of(d.text()))) out.add(Either.forRight(s));
            return out;
        });
    }

    /** The mentions of whatever this file defines under the cursor. */
    private static List<SourceIndex.Mention> occurrences(SourceIndex index, Position p) {
        SourceIndex.Mention m = index.mentionAt(Positions.line(p), Positions.column(p));
        SourceIndex.Symbol s = m == null ? null : index.resolve(m);
        return s == null ? List.of() : index.occurrences(s);
    }

    private interface Request<T> {
        T answer(Documents.Document document);
    }

    /** Answers from an open document; a request about a document that is not open gets nothing. */
    private <T> CompletableFuture<T> answer(String uri, Request<T> request) {
        Documents.Document d = documents.get(uri);
        if (d == null) return CompletableFuture.completedFuture(null);
        try {
            return CompletableFuture.completedFuture(request.answer(d));
        } catch (ResponseErrorException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
