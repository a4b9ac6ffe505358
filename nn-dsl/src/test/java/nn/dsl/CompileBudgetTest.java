package nn.dsl;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every compile ends in bounded time, whatever the input: work that makes no node (a bare
 * name, a failing block use) still counts against a step budget, not only the node limit.
 * The timeout is a hang detector under CI load, far above the budget's second or so.
 */
class CompileBudgetTest {
    private static final Duration HANG = Duration.ofSeconds(20);

    private static String errors(String text) {
        return assertTimeoutPreemptively(HANG, () -> assertThrows(CompileException.class,
                () -> ModelCompiler.compile("budget.nn", text, Registries.real())).format());
    }

    @Test
    void nestedRepeatsAroundABareNameStop() {
        String e = errors("""
                model m {
                    input x: [4]
                    y = x -> relu() -> repeat 1000 { repeat 1000 { repeat 1000 { repeat 1000 { repeat 1000 { z } } } } }
                    output y
                }
                """);
        assertTrue(e.contains("building the model takes more than 1,000,000 steps here"), e);
        assertTrue(e.contains("a repeated chain cannot name its nodes"), e);
    }

    @Test
    void repeatsAroundAFailingBlockUseStop() {
        String e = errors("""
                block b(n) {
                    input x
                    x -> dense(n) -> y
                    output y
                }
                model m {
                    input x: [4]
                    y = x -> relu() -> repeat 1000 { repeat 1000 { repeat 1000 { b() } } }
                    output y
                }
                """);
        assertTrue(e.contains("missing parameter 'n' of block 'b'"), e);
        assertTrue(e.contains("takes more than"), e);
    }

    @Test
    void blocksThatFanOutWithoutMakingNodesStop() {
        // Each level uses the next ten times; the last makes no node: 10^8 expansions without repeat.
        StringBuilder text = new StringBuilder("""
                block b0() {
                    input x
                    x -> y
                    output y
                }
                """);
        for (int level = 1; level <= 8; level++) {
            text.append("block b").append(level).append("() {\n    input x\n");
            for (int k = 0; k < 10; k++) text.append("    x -> b").append(level - 1).append("() -> y").append(k).append('\n');
            text.append("    output y0\n}\n");
        }
        text.append("model m {\n    input x: [4]\n    x -> b8() -> y\n    output y\n}\n");
        String e = errors(text.toString());
        assertTrue(e.contains("takes more than"), e);
    }

    @Test
    void aRealisticDeepModelIsWithinBudget() {
        // 4 stages of 250 residual-style uses: thousands of nodes, far from the step budget.
        Compiled c = assertTimeoutPreemptively(HANG, () -> ModelCompiler.compile("deep.nn", """
                model m {
                    input x: [8]
                    x -> repeat 4 { repeat 250 { dense(8) -> relu() } } -> y
                    output y
                }
                """, Registries.real()));
        assertTrue(c.graph().nodes().size() == 2000, "nodes: " + c.graph().nodes().size());
    }
}
