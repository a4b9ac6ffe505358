package nn.dsl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bad input of every kind ends in a CompileException (with at least one diagnostic), never in
 * another exception: the MLP cut short at every character, with each character deleted, and
 * with troublesome characters inserted.
 */
class RobustnessTest {

    @Test
    void everyTruncation() {
        String text = ModelCompilerTest.MLP;
        for (int i = 0; i <= text.length(); i++) check(text.substring(0, i));
    }

    @Test
    void everyDeletion() {
        String text = ModelCompilerTest.MLP;
        for (int i = 0; i < text.length(); i++) check(text.substring(0, i) + text.substring(i + 1));
    }

    @Test
    void insertions() {
        String text = ModelCompilerTest.MLP;
        String[] inserts = {"(", ")", "{", "}", "[", "]", ",", "=", "->", "\"", "/*", "\n", "-", "x", "1", "@", "model"};
        for (int i = 0; i <= text.length(); i += 3) {
            for (String s : inserts) check(text.substring(0, i) + s + text.substring(i));
        }
    }

    private static void check(String text) {
        try {
            ModelCompiler.compile("fuzz.nn", text, Registries.real());
        } catch (CompileException e) {
            assertFalse(e.diagnostics().isEmpty());
            e.format();
        } catch (RuntimeException e) {
            throw new AssertionError("compiling this threw " + e + ":\n" + text, e);
        }
    }

    @Test
    void nothingElseIsThrownForAnEmptyOrBlankFile() {
        for (String text : new String[]{"", "\n", "   ", "// only a comment", "/*", "\"", "}"}) {
            try {
                ModelCompiler.compile("x.nn", text, Registries.real());
                fail("compiled: " + text);
            } catch (CompileException expected) {
                assertFalse(expected.diagnostics().isEmpty());
            }
        }
    }
}
