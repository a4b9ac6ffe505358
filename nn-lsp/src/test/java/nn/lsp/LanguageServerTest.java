package nn.lsp;

import nn.dsl.CompileException;
import nn.dsl.Formatter;
import nn.dsl.ModelCompiler;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every feature of `nn lsp`, asked for by LSP4J's client side over JSON-RPC, against the real registry. */
class LanguageServerTest {
    private static final String RESIDUAL = """
            let width = 128

            block residual(units = width) {
                input x
                h = x -> dense(units) -> relu() -> dense(units)
                out = add(x, h) -> relu()
                output out
            }

            model residual_mlp {
                input image: [1, 28, 28]
                image -> flatten() -> dense(width) -> relu() -> stem
                stem -> residual() -> features
                features -> dense(10) -> logits
                output logits
            }

            train {
                data      = mnist(normalize = [0.5, 0.5])
                loss      = cross_entropy(logits, label)
                optimizer = adam(lr = 1e-3)
                batch     = 64
            }
            """;

    @TempDir
    static Path dir;
    static TestClient client;
    static int files;

    @BeforeAll
    static void start() throws Exception {
        client = new TestClient();
        InitializeResult init = client.initialize();
        assertTrue(init.getCapabilities().getHoverProvider().getLeft());
        assertEquals("nn", init.getServerInfo().getName());
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
    }

    /** Opens a new file with this text and waits for its first diagnostics. */
    private static String open(String text) throws Exception {
        return open("model" + (++files) + ".nn", text);
    }

    private static String open(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        String uri = file.toUri().toString();
        client.open(uri, text);
        client.diagnosticsFor(uri);
        return uri;
    }

    private static Position at(String text, String marker, int extra) {
        int offset = text.indexOf(marker);
        assertTrue(offset >= 0, marker);
        offset += extra;
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart);
    }

    private static TextDocumentIdentifier doc(String uri) {
        return new TextDocumentIdentifier(uri);
    }

    // ---------------------------------------------------------------- diagnostics

    @Test
    void diagnosticsAreTheCompilersWithPositionsAndHints() throws Exception {
        String text = "model m {\n    input image: [1, 28, 28]\n    image -> flatten() -> dense2(128) -> logits\n    output logits\n}\n";
        Path file = dir.resolve("typo.nn");
        Files.writeString(file, text);
        String uri = file.toUri().toString();
        client.open(uri, text);
        PublishDiagnosticsParams published = client.diagnosticsFor(uri);
        assertEquals(1, published.getDiagnostics().size());
        Diagnostic d = published.getDiagnostics().get(0);
        assertEquals(DiagnosticSeverity.Error, d.getSeverity());
        assertEquals(new Range(new Position(2, 26), new Position(2, 32)), d.getRange());
        // The same words as `nn check`, from the same compiler.
        CompileException e = assertThrows(CompileException.class, () -> ModelCompiler.compile(file, TestClient.registry()));
        nn.dsl.Diagnostic expected = e.diagnostics().get(0);
        assertEquals(expected.message() + "\nhint: " + expected.hint(), d.getMessage());
        assertTrue(d.getMessage().contains("did you mean 'dense'"), d.getMessage());

        String fixed = text.replace("dense2", "dense");
        client.replace(uri, 2, fixed);
        PublishDiagnosticsParams after = client.diagnosticsFor(uri);
        assertEquals(2, after.getVersion());
        assertEquals(List.of(), after.getDiagnostics());
    }

    @Test
    void incrementalEditsApplyToTheRightPlace() throws Exception {
        String text = "model inc {\n    input image: [4]\n    image -> dense(3) -> out\n    output out\n}\n";
        String uri = open(text);
        // Replace "dense" on line 3 by "dense2", as editors send a keystroke: a range and its new text.
        Range dense = new Range(new Position(2, 13), new Position(2, 18));
        client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, 2), List.of(new TextDocumentContentChangeEvent(dense, "dense2"))));
        Diagnostic d = client.diagnosticsFor(uri).getDiagnostics().get(0);
        assertEquals(new Range(new Position(2, 13), new Position(2, 19)), d.getRange());
        assertTrue(d.getMessage().startsWith("unknown operation 'dense2'"), d.getMessage());
    }

    @Test
    void editsInQuickSuccessionAreCompiledOnceForTheLastVersion() throws Exception {
        String uri = open("model q {\n    input image: [4]\n    image -> dense(3) -> out\n    output out\n}\n");
        for (int v = 2; v <= 6; v++) client.replace(uri, v, "model q {\n    input image: [4]\n    image -> dense(" + v + ") -> out\n}\n");
        PublishDiagnosticsParams p = client.diagnosticsFor(uri);
        assertEquals(6, p.getVersion());
        assertNull(client.pollDiagnostics(2 * NnLanguageServer.DEBOUNCE_MILLIS + 200), "only the last version is compiled");
    }

    @Test
    void warningsAndNotesBecomeSeveritiesAndRelatedInformation() throws Exception {
        String text = """
                let unused = 3
                block twice(n) {
                    input x
                    y = x -> conv2d(n, 3)
                    output y
                }
                model m {
                    input image: [784]
                    image -> twice(4) -> out
                    output out
                }
                """;
        Path file = dir.resolve("notes.nn");
        Files.writeString(file, text);
        String uri = file.toUri().toString();
        client.open(uri, text);
        List<Diagnostic> ds = client.diagnosticsFor(uri).getDiagnostics();
        Diagnostic inBlock = ds.stream().filter(d -> d.getSeverity() == DiagnosticSeverity.Error).findFirst().orElseThrow();
        assertEquals(3, inBlock.getRange().getStart().getLine());
        assertNotNull(inBlock.getRelatedInformation(), "the block use is a note");
        assertEquals(8, inBlock.getRelatedInformation().get(0).getLocation().getRange().getStart().getLine());

        client.replace(uri, 2, text.replace("conv2d(n, 3)", "dense(n)"));
        List<Diagnostic> warnings = client.diagnosticsFor(uri).getDiagnostics();
        assertEquals(1, warnings.size());
        assertEquals(DiagnosticSeverity.Warning, warnings.get(0).getSeverity());
        assertTrue(warnings.get(0).getMessage().contains("constant 'unused' is never used"));
    }

    @Test
    void aMistakeInAnImportedFileIsShownThereAndWhereItIsUsed() throws Exception {
        Path lib = dir.resolve("lib.nn");
        Files.writeString(lib, "block mlp(n) {\n    input x\n    y = x -> dense(n) -> relux()\n    output y\n}\n");
        String text = "import \"lib.nn\"\nmodel m {\n    input image: [8]\n    image -> mlp(4) -> out\n    output out\n}\n";
        Path main = dir.resolve("imports.nn");
        Files.writeString(main, text);
        String uri = main.toUri().toString();
        client.open(uri, text);
        // Both files get diagnostics, the importer's first.
        PublishDiagnosticsParams inMain = client.diagnosticsFor(uri);
        PublishDiagnosticsParams inLib = client.diagnosticsFor(lib.toUri().toString());
        Diagnostic atUse = inMain.getDiagnostics().get(0);
        assertEquals(3, atUse.getRange().getStart().getLine(), "the use of the imported block");
        assertTrue(atUse.getMessage().startsWith("in lib.nn:3: unknown operation 'relux'"), atUse.getMessage());
        assertEquals(2, inLib.getDiagnostics().get(0).getRange().getStart().getLine());

        // Opening the imported file and fixing it there (unsaved) fixes the importer too.
        String libUri = lib.toUri().toString();
        String libText = Files.readString(lib);
        client.open(libUri, libText);
        client.replace(libUri, 2, libText.replace("relux", "relu"));
        boolean mainClean = false;
        for (int i = 0; i < 6 && !mainClean; i++) {
            PublishDiagnosticsParams p = client.diagnosticsFor(uri);
            mainClean = p.getDiagnostics().isEmpty();
        }
        assertTrue(mainClean, "the importer is recompiled against the edited import");
    }

    // ---------------------------------------------------------------- hover

    @Test
    void hoverShowsShapesParametersSignaturesAndProviders() throws Exception {
        String uri = open(RESIDUAL);
        Thread.sleep(50);
        String logits = hover(uri, at(RESIDUAL, "logits\n    output", 2));
        assertTrue(logits.contains("output `[10]` · 1,290 parameters (`dense`)"), logits);

        String features = hover(uri, at(RESIDUAL, "features ->", 1));
        assertTrue(features.contains("output `[128]` · 33,024 parameters (block `residual`)"), features);

        String inBlock = hover(uri, at(RESIDUAL, "h = x", 0));
        assertTrue(inBlock.contains("in `features`: output `[128]`"), inBlock);

        String dense = hover(uri, at(RESIDUAL, "dense(10)", 1));
        assertTrue(dense.contains("dense(units"), dense);
        assertTrue(dense.contains("units: int >= 1 (required)"), dense);
        assertTrue(dense.contains("from `"), dense);

        String block = hover(uri, at(RESIDUAL, "residual() ->", 2));
        assertTrue(block.contains("block residual(units = width)"), block);

        String constant = hover(uri, at(RESIDUAL, "dense(width)", 7));
        assertTrue(constant.contains("let width = 128"), constant);

        String optimizer = hover(uri, at(RESIDUAL, "adam(", 1));
        assertTrue(optimizer.contains("lr"), optimizer);

        String batch = hover(uri, at(RESIDUAL, "batch ", 1));
        assertTrue(batch.contains("batch: int >= 1 = 32") && batch.contains("examples per step"), batch);
        String data = hover(uri, at(RESIDUAL, "data ", 1));
        assertTrue(data.contains("`mnist()`"), data);
    }

    private static String hover(String uri, Position p) throws Exception {
        Hover h = client.server.getTextDocumentService().hover(new HoverParams(doc(uri), p)).get(10, TimeUnit.SECONDS);
        assertNotNull(h, "hover at " + p);
        return h.getContents().getRight().getValue();
    }

    // ---------------------------------------------------------------- completion and signature help

    @Test
    void completionOffersOperationsParametersValuesNamesAndTrainKeys() throws Exception {
        String text = "model c {\n    input image: [1, 28, 28]\n    image -> flatten() -> de\n"
                + "    image -> dense(units = 4, init = \n    image -> dense(\n}\ntrain {\n    \n    data = \n    loss = cross_entropy(\n}\n";
        String uri = open(text);
        assertTrue(labels(uri, at(text, "-> de", 5)).contains("dense"));
        assertFalse(labels(uri, at(text, "-> de", 5)).contains("relu"), "filtered by what was typed");
        assertTrue(labels(uri, at(text, "init = ", 7)).contains("\"xavier\""));
        List<String> inCall = labels(uri, at(text, "dense(\n", 6));
        assertTrue(inCall.contains("units") && inCall.contains("image"), inCall.toString());
        List<String> keys = labels(uri, at(text, "train {\n    ", 12));
        assertTrue(keys.containsAll(List.of("data", "loss", "optimizer", "batch", "epochs")), keys.toString());
        assertTrue(labels(uri, at(text, "data = ", 7)).contains("mnist"));
        assertTrue(labels(uri, at(text, "cross_entropy(", 14)).contains("image"), "model names in the train section");
    }

    private static List<String> labels(String uri, Position p) throws Exception {
        List<CompletionItem> items = client.server.getTextDocumentService()
                .completion(new CompletionParams(doc(uri), p)).get(10, TimeUnit.SECONDS).getLeft();
        return items.stream().map(CompletionItem::getLabel).toList();
    }

    @Test
    void signatureHelpFollowsTheArgument() throws Exception {
        String text = "model s {\n    input image: [8]\n    image -> dense(16, bias = \n}\n";
        String uri = open(text);
        SignatureHelp first = client.server.getTextDocumentService()
                .signatureHelp(new SignatureHelpParams(doc(uri), at(text, "dense(", 6))).get(10, TimeUnit.SECONDS);
        assertTrue(first.getSignatures().get(0).getLabel().startsWith("dense(units"));
        assertEquals(0, first.getActiveParameter());
        SignatureHelp named = client.server.getTextDocumentService()
                .signatureHelp(new SignatureHelpParams(doc(uri), at(text, "bias = ", 7))).get(10, TimeUnit.SECONDS);
        String active = named.getSignatures().get(0).getParameters().get(named.getActiveParameter()).getLabel().getLeft();
        assertTrue(active.startsWith("bias"), active);
    }

    // ---------------------------------------------------------------- navigation and edits

    @Test
    void definitionFindsNodesBlocksConstantsAndImports() throws Exception {
        String uri = open(RESIDUAL);
        assertEquals(at(RESIDUAL, "stem\n", 0), definition(uri, at(RESIDUAL, "stem ->", 1)).getRange().getStart());
        assertEquals(at(RESIDUAL, "residual(units", 0), definition(uri, at(RESIDUAL, "residual() ->", 0)).getRange().getStart());
        assertEquals(at(RESIDUAL, "width = 128", 0), definition(uri, at(RESIDUAL, "dense(width)", 8)).getRange().getStart());
        assertEquals(at(RESIDUAL, "units = width", 0), definition(uri, at(RESIDUAL, "dense(units)", 7)).getRange().getStart());

        Files.writeString(dir.resolve("blocks.nn"), "block twice(n) {\n    input x\n    y = x -> dense(n) -> dense(n)\n    output y\n}\n");
        String text = "import \"blocks.nn\"\nmodel i {\n    input image: [8]\n    image -> twice(4) -> out\n    output out\n}\n";
        String importer = open(text);
        Location imported = definition(importer, at(text, "blocks.nn", 2));
        assertEquals(dir.resolve("blocks.nn").toUri().toString(), imported.getUri());
        Location block = definition(importer, at(text, "twice(4)", 1));
        assertEquals(dir.resolve("blocks.nn").toUri().toString(), block.getUri());
        assertEquals(new Position(0, 6), block.getRange().getStart());
    }

    private static Location definition(String uri, Position p) throws Exception {
        List<? extends Location> found = client.server.getTextDocumentService()
                .definition(new DefinitionParams(doc(uri), p)).get(10, TimeUnit.SECONDS).getLeft();
        assertEquals(1, found.size(), "definition at " + p);
        return found.get(0);
    }

    @Test
    void referencesAndRenameCoverEveryUseInScope() throws Exception {
        String uri = open(RESIDUAL);
        List<? extends Location> refs = client.server.getTextDocumentService().references(
                new ReferenceParams(doc(uri), at(RESIDUAL, "width = 128", 0), new ReferenceContext(true))).get(10, TimeUnit.SECONDS);
        assertEquals(3, refs.size(), "the definition and two uses");

        WorkspaceEdit edit = client.server.getTextDocumentService()
                .rename(new RenameParams(doc(uri), at(RESIDUAL, "features ->", 0), "trunk")).get(10, TimeUnit.SECONDS);
        List<TextEdit> edits = edit.getChanges().get(uri);
        assertEquals(2, edits.size());
        String renamed = apply(RESIDUAL, edits);
        assertTrue(renamed.contains("residual() -> trunk") && renamed.contains("trunk -> dense(10)"), renamed);
        ModelCompiler.compile("renamed.nn", renamed, TestClient.registry());

        // `x` in the block is the block's own; renaming it leaves the model alone.
        WorkspaceEdit inBlock = client.server.getTextDocumentService()
                .rename(new RenameParams(doc(uri), at(RESIDUAL, "input x", 6), "inp")).get(10, TimeUnit.SECONDS);
        assertEquals(3, inBlock.getChanges().get(uri).size());

        ExecutionException bad = assertThrows(ExecutionException.class, () -> client.server.getTextDocumentService()
                .rename(new RenameParams(doc(uri), at(RESIDUAL, "stem ->", 0), "2x")).get(10, TimeUnit.SECONDS));
        assertTrue(bad.getCause().getMessage().contains("not a name"), bad.getCause().getMessage());
    }

    private static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = edits.stream().sorted((a, b) -> Integer.compare(offset(text, b.getRange().getStart()),
                offset(text, a.getRange().getStart()))).toList();
        StringBuilder s = new StringBuilder(text);
        for (TextEdit e : sorted) {
            s.replace(offset(text, e.getRange().getStart()), offset(text, e.getRange().getEnd()), e.getNewText());
        }
        return s.toString();
    }

    private static int offset(String text, Position p) {
        return Positions.offset(text, p);
    }

    @Test
    void formattingIsNnFmt() throws Exception {
        String text = "model f {\ninput image:[8]\n  image->dense(4)->out\n      output out\n}\n";
        String uri = open(text);
        List<? extends TextEdit> edits = client.server.getTextDocumentService()
                .formatting(new DocumentFormattingParams(doc(uri), new FormattingOptions(4, true))).get(10, TimeUnit.SECONDS);
        assertEquals(1, edits.size());
        assertEquals(Formatter.format("f.nn", text), apply(text, List.of(edits.get(0))));
    }

    @Test
    void documentSymbolsOutlineTheFile() throws Exception {
        String uri = open(RESIDUAL);
        List<DocumentSymbol> symbols = client.server.getTextDocumentService()
                .documentSymbol(new DocumentSymbolParams(doc(uri))).get(10, TimeUnit.SECONDS)
                .stream().map(e -> e.getRight()).toList();
        assertEquals(List.of("width", "residual", "residual_mlp", "train"), symbols.stream().map(DocumentSymbol::getName).toList());
        assertEquals(List.of("image", "stem", "features", "logits"),
                symbols.get(2).getChildren().stream().map(DocumentSymbol::getName).toList());
        assertEquals(List.of("units", "x", "h", "out"), symbols.get(1).getChildren().stream().map(DocumentSymbol::getName).toList());
        assertEquals(List.of("data", "loss", "optimizer", "batch"), symbols.get(3).getChildren().stream().map(DocumentSymbol::getName).toList());
    }
}
