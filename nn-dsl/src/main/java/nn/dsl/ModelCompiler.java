package nn.dsl;

import nn.api.graph.Shape;
import nn.api.registry.Registry;
import nn.dsl.grammar.NnParser;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Compiles a `.nn` file into a checked {@link nn.api.graph.Graph}: parse the file and its
 * imports, collect constants and blocks, build the model (expanding blocks into primitive
 * nodes), check shapes, look for unused nodes. Every error in the file is reported in one
 * {@link CompileException} (with the warnings); nothing else is thrown for bad input. Warnings
 * alone do not fail: they come with the result. Loads no native code.
 *
 * <pre>
 * try {
 *     Compiled model = ModelCompiler.compile(Path.of("mnist-mlp.nn"), Registry.load());
 * } catch (CompileException e) {
 *     System.err.print(e.format());
 * }
 * </pre>
 */
public final class ModelCompiler {
    private ModelCompiler() {
    }

    /** Reads and compiles a file; diagnostics name it as given (`examples/bad.nn`). */
    public static Compiled compile(Path file, Registry registry) throws CompileException {
        return compile(file, registry, ConstantOverrides.NONE);
    }

    /**
     * Reads and compiles a file with some of its constants replaced (`--set width=256`). A value
     * of another type than the file's, or a name the file does not define, is an error naming the
     * assignment; those are reported before anything else about the file.
     */
    public static Compiled compile(Path file, Registry registry, ConstantOverrides overrides) throws CompileException {
        String name = file.toString();
        String text;
        try {
            if (isZip(file)) throw fileError(name, "this is a checkpoint, not a .nn file: use nn eval");
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw fileError(name, "no such file");
        } catch (CharacterCodingException e) {
            throw fileError(name, "not a UTF-8 text file");
        } catch (IOException e) {
            throw fileError(name, "cannot read the file: " + e.getMessage());
        }
        return compile(name, text, registry, SourceReader.FILES, overrides).withFile(file);
    }

    /** Checkpoints are zip files: their first bytes are "PK\3\4". */
    private static boolean isZip(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return false;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    /** Compiles source text; `sourceName` is what diagnostics call it, and imports are relative to it. */
    public static Compiled compile(String sourceName, String sourceText, Registry registry) throws CompileException {
        return compile(sourceName, sourceText, registry, SourceReader.FILES);
    }

    /** Compiles source text, reading imported files with `reader`. The result's file is null. */
    public static Compiled compile(String sourceName, String sourceText, Registry registry, SourceReader reader)
            throws CompileException {
        return compile(sourceName, sourceText, registry, reader, ConstantOverrides.NONE);
    }

    /** Compiles source text with some of its constants replaced; see {@link #compile(Path, Registry, ConstantOverrides)}. */
    public static Compiled compile(String sourceName, String sourceText, Registry registry, SourceReader reader,
                                   ConstantOverrides overrides) throws CompileException {
        Source source = new Source(sourceName, sourceText);
        Reporter reporter = new Reporter(source);
        NnParser.FileContext tree = FileParser.parse(source, reporter);
        // A tree with syntax errors has holes: checking it would mostly report their echoes.
        if (tree == null) throw new CompileException(reporter.sorted());
        List<Imports.Unit> units = new Imports(reporter, reader).load(new Imports.Unit(source, tree));
        if (reporter.hasErrors()) throw new CompileException(reporter.sorted());

        OverrideCheck check = new OverrideCheck(overrides);
        Definitions definitions = new Definitions(reporter, registry, check);
        definitions.collect(units);
        check.requireKnown(definitions.constantNames());
        // A wrong --set is the caller's typo, not the file's: said alone, before the file's own problems.
        if (!check.errors().isEmpty()) throw new CompileException(check.errors());
        GraphBuilder.Built built = new GraphBuilder(registry, reporter, definitions).build(tree);
        Map<String, Shape> shapes = ShapeChecker.check(built, registry, reporter);
        // Unused nodes and blocks are mostly echoes of errors (a misspelt name): warn only about a clean model.
        if (!reporter.hasErrors()) {
            UnusedNodes.warn(built.graph(), built.parts(), reporter);
            definitions.warnUnused(source);
        }
        if (reporter.hasErrors()) throw new CompileException(reporter.sorted());
        return new Compiled(built.graph(), shapes, sourceText, null, reporter.warnings(), built.parts().blocks);
    }

    private static CompileException fileError(String name, String message) {
        return new CompileException(List.of(new Diagnostic(name, 0, 0, 1, message, null, "")));
    }
}
