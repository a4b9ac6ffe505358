package nn.dsl;

import nn.api.graph.Shape;
import nn.api.registry.Registry;
import nn.dsl.grammar.NnLexer;
import nn.dsl.grammar.NnParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Compiles a `.nn` file into a checked {@link nn.api.graph.Graph}: parse, build, check
 * shapes. Every problem in the file is reported in one {@link CompileException}; nothing
 * else is thrown for bad input. Loads no native code.
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
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw fileError(name, "no such file");
        } catch (CharacterCodingException e) {
            throw fileError(name, "not a UTF-8 text file");
        } catch (IOException e) {
            throw fileError(name, "cannot read the file: " + e.getMessage());
        }
        Compiled compiled = compile(name, text, registry);
        return new Compiled(compiled.graph(), compiled.shapes(), compiled.source(), file);
    }

    /** Compiles source text; `sourceName` is what diagnostics call it. The result's file is null. */
    public static Compiled compile(String sourceName, String sourceText, Registry registry) throws CompileException {
        Source source = new Source(sourceName, sourceText);
        Reporter reporter = new Reporter(source);

        NnLexer lexer = new NnLexer(CharStreams.fromString(sourceText, sourceName));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        SyntaxErrors syntax = new SyntaxErrors(reporter);
        syntax.reportLexical(tokens.getTokens());

        NnParser parser = new NnParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(syntax);
        NnParser.FileContext tree = parser.file();
        syntax.checkLineBreaks(tree);
        // A tree with syntax errors has holes: checking it would mostly report their echoes.
        if (reporter.hasErrors()) throw new CompileException(reporter.sorted());

        GraphBuilder.Built built = new GraphBuilder(registry, reporter).build(tree);
        Map<String, Shape> shapes = ShapeChecker.check(built, registry, reporter);
        if (reporter.hasErrors()) throw new CompileException(reporter.sorted());
        return new Compiled(built.graph(), shapes, sourceText, null);
    }

    private static CompileException fileError(String name, String message) {
        return new CompileException(java.util.List.of(new Diagnostic(name, 0, 0, 1, message, null, "")));
    }
}
