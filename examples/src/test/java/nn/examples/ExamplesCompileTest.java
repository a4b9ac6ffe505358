package nn.examples;

import nn.api.registry.Registry;
import nn.dsl.Compiled;
import nn.dsl.ModelCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every `.nn` file in examples/ compiles, shape-checks, has no warnings and a complete train section. */
class ExamplesCompileTest {
    static final Path DIR = Path.of(System.getProperty("nn.project.dir", "..")).resolve("examples");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> nn = files.filter(p -> p.toString().endsWith(".nn")).sorted().toList();
            return nn.stream();
        }
    }

    @Test
    void thereAreExamples() throws IOException {
        assertFalse(examples().toList().isEmpty(), "no .nn files in " + DIR);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void compiles(Path file) {
        Compiled compiled = ModelCompiler.compile(file, Registry.load());
        assertNotNull(compiled.graph().train(), file + " has no train section");
        assertNotNull(compiled.graph().train().data(), file + " names no data set");
        assertTrue(compiled.warnings().isEmpty(), file + " has warnings: " + compiled.warnings());
    }
}
