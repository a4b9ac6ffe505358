package nn.dsl;

import nn.api.registry.Registry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden error tests, as in ANTLR's grammars-v4: every `errors/NAME.nn` must fail to compile
 * with exactly the diagnostics in `errors/NAME.errors` next to it; except `errors/warning_*.nn`,
 * which must compile, with exactly those warnings. Files they import live in `errors/lib/`.
 *
 * <p>To write the golden files anew after a deliberate change of wording, run with
 * {@code -Dnn.golden.update=true} and review the diff before committing.
 */
class GoldenErrorTest {
    private static Registry registry;

    @BeforeAll
    static void load() {
        registry = Registry.load();
    }

    static Path errorsDir() throws URISyntaxException {
        return Path.of(GoldenErrorTest.class.getResource("/errors").toURI());
    }

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(errorsDir())) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".nn"))
                    .map(n -> n.substring(0, n.length() - 3))
                    .sorted()
                    .toList();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheGoldenDiagnostics(String name) throws Exception {
        String sourceName = "errors/" + name + ".nn";
        String text = Files.readString(errorsDir().resolve(name + ".nn"));
        Path root = errorsDir().getParent();
        SourceReader reader = path -> Files.readString(root.resolve(path.toString()));
        String actual;
        if (name.startsWith("warning_")) {
            Compiled compiled = ModelCompiler.compile(sourceName, text, registry, reader);
            assertFalse(compiled.warnings().isEmpty(), "a warning case without warnings");
            StringBuilder all = new StringBuilder();
            for (Diagnostic d : compiled.warnings()) all.append(d.format());
            actual = all.toString();
        } else {
            CompileException e = assertThrows(CompileException.class,
                    () -> ModelCompiler.compile(sourceName, text, registry, reader));
            actual = e.format();
        }
        if (Boolean.getBoolean("nn.golden.update")) {
            Path golden = Path.of("src/test/resources/errors", name + ".errors");
            Files.writeString(golden, actual);
            return;
        }
        Path golden = errorsDir().resolve(name + ".errors");
        assertTrue(Files.exists(golden), "no golden file " + golden);
        assertEquals(Files.readString(golden), actual);
    }

    @Test
    void thereAreEnoughCasesAndEveryGoldenHasItsSource() throws Exception {
        List<String> names = cases().toList();
        assertTrue(names.size() >= 30, "at least 30 golden error cases");
        try (Stream<Path> files = Files.list(errorsDir())) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".errors")) {
                    assertTrue(names.contains(n.substring(0, n.length() - ".errors".length())), "orphan golden " + n);
                } else {
                    assertFalse(!n.endsWith(".nn"), "unexpected file " + n);
                }
            }
        }
    }
}
