package nn.dsl;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples of docs/language.md are true: every ```nn block compiles (as `doc.nn`, with the
 * ```nn file=PATH blocks as the files it may import), is formatted, and every ```nn-error block
 * fails, with exactly the output of the ```text block that follows it, if one does.
 */
class LanguageDocTest {
    private static final Pattern FENCE = Pattern.compile("(?ms)^```([\\w-]*)([^\\n]*)\\n(.*?)^```\\s*$");

    record Snippet(String kind, String attributes, String text, int line) {
    }

    static List<Snippet> snippets() throws IOException {
        Path doc = Path.of(System.getProperty("nn.project.dir", "..")).resolve("docs/language.md");
        String text = Files.readString(doc);
        List<Snippet> out = new ArrayList<>();
        Matcher m = FENCE.matcher(text);
        while (m.find()) {
            int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            out.add(new Snippet(m.group(1), m.group(2).trim(), m.group(3), line));
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> everyExampleOfTheLanguageDocument() throws IOException {
        List<Snippet> snippets = snippets();
        Map<String, String> files = new HashMap<>();
        for (Snippet s : snippets) {
            if (s.kind().equals("nn") && s.attributes().startsWith("file=")) {
                files.put(s.attributes().substring("file=".length()), s.text());
            }
        }
        SourceReader reader = path -> {
            String t = files.get(path.toString());
            if (t == null) throw new NoSuchFileException(path.toString());
            return t;
        };
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            Snippet s = snippets.get(i);
            Snippet next = i + 1 < snippets.size() ? snippets.get(i + 1) : null;
            String name = "line " + s.line();
            if (s.kind().equals("nn") && s.attributes().isEmpty()) {
                tests.add(DynamicTest.dynamicTest(name + " compiles", () -> {
                    Compiled c = ModelCompiler.compile("doc.nn", s.text(), Registries.real(), reader);
                    assertTrue(c.warnings().isEmpty(), "an example with warnings:\n" + c.warnings());
                    assertEquals(s.text(), Formatter.format("doc.nn", s.text()), "examples are formatted");
                }));
            } else if (s.kind().equals("nn-error")) {
                String expected = next != null && next.kind().equals("text") ? next.text() : null;
                tests.add(DynamicTest.dynamicTest(name + " fails", () -> {
                    CompileException e = assertThrows(CompileException.class,
                            () -> ModelCompiler.compile("doc.nn", s.text(), Registries.real(), reader));
                    if (expected != null) assertEquals(expected, e.format());
                }));
            }
        }
        return tests;
    }

    @Test
    void theDocumentShowsEveryConstruct() throws IOException {
        String all = String.join("\n", snippets().stream()
                .filter(s -> s.kind().startsWith("nn")).map(Snippet::text).toList());
        for (String construct : List.of("import \"", "let ", "block ", "repeat ", "add(", "concat(", "model ",
                "train {", "output ", "input ", "/*", "//", "1e-3", "\"he\"", "true", "[0.5, 0.5]", "->")) {
            assertTrue(all.contains(construct), "no example shows " + construct);
        }
        assertFalse(snippets().stream().filter(s -> s.kind().equals("nn-error")).toList().isEmpty());
    }
}
