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
 * with exactly the diagnostics in `errors/NAME.errors` next to it.
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
        CompileException e = assertThrows(CompileException.class,
                () -> ModelCompiler.compile(sourceName, text, registry));
        String actual = e.format();
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
        assertTrue(names.size() >= 8, "at least 8 golden error cases");
        try (Stream<Path> files = Files.list(errorsDir())) {
            for (Path p : files.toList()) {
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
