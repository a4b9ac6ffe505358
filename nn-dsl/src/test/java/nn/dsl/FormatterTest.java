package nn.dsl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `nn fmt`: the canonical layout, stable under a second pass, and the same graph as the original. */
class FormatterTest {

    static final String UGLY = """


            // header comment
            let   width=128
            block  res ( units ,k=3 ){
              input x
                  h=x->dense( units )->relu( )
               ->dense(units,
              bias=false)
              out = add( x,h )


              output out
            }
            model m{
            input image:[1,28,28]
            image->flatten()->dense(width)
                    -> res(width)   /* trailing */
            // between
               -> relu() -> z
            output z
            }
            train{
            data=mnist(normalize=[0.5,-0.5])
            loss = cross_entropy(z,label)
            optimizer=adam(lr=1e-3)

            epochs=3
            }
            """;

    static final String PRETTY = """
            // header comment
            let width = 128
            block res(units, k = 3) {
                input x
                h = x -> dense(units) -> relu()
                      -> dense(units,
                          bias = false)
                out = add(x, h)

                output out
            }

            model m {
                input image: [1, 28, 28]
                image -> flatten() -> dense(width)
                      -> res(width)  /* trailing */
                // between
                      -> relu() -> z
                output z
            }

            train {
                data      = mnist(normalize = [0.5, -0.5])
                loss      = cross_entropy(z, label)
                optimizer = adam(lr = 1e-3)

                epochs = 3
            }
            """;

    @Test
    void layoutIsCanonical() {
        assertEquals(PRETTY, Formatter.format("ugly.nn", UGLY));
    }

    @Test
    void formattingKeepsTheGraph() {
        assertEquals(ModelCompiler.compile("a.nn", UGLY, Registries.real()).graph(),
                ModelCompiler.compile("a.nn", PRETTY, Registries.real()).graph());
    }

    @Test
    void aFileWithSyntaxErrorsIsRefusedWithTheErrors() {
        CompileException e = assertThrows(CompileException.class,
                () -> Formatter.format("bad.nn", "model m {\n input x [2]\n}\n"));
        assertTrue(e.format().startsWith("bad.nn:2:10: error: expected ':' but found '['"), e.format());
    }

    /** Every example, every golden case that parses, and the language document's snippets. */
    static Stream<Path> files() throws IOException, URISyntaxException {
        List<Path> all = new ArrayList<>();
        Path root = Path.of(System.getProperty("nn.project.dir", ".."));
        try (Stream<Path> s = Files.list(root.resolve("examples"))) {
            s.filter(p -> p.toString().endsWith(".nn")).sorted().forEach(all::add);
        }
        try (Stream<Path> s = Files.walk(GoldenErrorTest.errorsDir())) {
            s.filter(p -> p.toString().endsWith(".nn")).sorted().forEach(all::add);
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void formattingIsStableAndKeepsTheTokens(Path file) throws IOException {
        String text = Files.readString(file);
        String once;
        try {
            once = Formatter.format(file.toString(), text);
        } catch (CompileException syntaxErrors) {
            return; // nothing to format
        }
        assertEquals(once, Formatter.format(file.toString(), once), "a second pass changes nothing");
        assertEquals(tokens(text), tokens(once), "only white space changes");
    }

    @Test
    void theExamplesAreFormatted() throws IOException, URISyntaxException {
        for (Path p : files().filter(p -> p.toString().contains("examples")).toList()) {
            String text = Files.readString(p);
            assertEquals(Formatter.format(p.toString(), text), text, p + " is not formatted: run nn fmt");
        }
    }

    private static List<String> tokens(String text) {
        return FileParser.tokens("x.nn", text).stream()
                .filter(t -> t.getType() != nn.dsl.grammar.NnLexer.NL)
                .map(t -> t.getType() + ":" + t.getText()).toList();
    }
}
