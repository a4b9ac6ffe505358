package nn.dsl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceIndexTest {
    private static final String TEXT = """
            let width = 8
            block twice(n = width) {
                input x
                y = x -> dense(n) -> dense(n)
                output y
            }
            model m {
                input x: [4]
                x -> twice() -> y
                y -> dense(width) -> out
                output out
            }
            train {
                loss = cross_entropy(out, label)
            }
            """;

    @Test
    void namesResolveInTheirOwnScopeThenTheFile() {
        SourceIndex index = SourceIndex.of(TEXT);
        SourceIndex.Mention blockX = index.mentionAt(4, 9);
        SourceIndex.Symbol inBlock = index.resolve(blockX);
        assertEquals("block:twice", inBlock.scope());
        assertEquals(SourceIndex.Kind.INPUT, inBlock.kind());
        SourceIndex.Symbol modelX = index.resolve(index.mentionAt(9, 5));
        assertEquals("model:m", modelX.scope());
        assertEquals(3, index.occurrences(index.resolve(index.mentionAt(1, 5))).size(), "width: defined, used twice");
        SourceIndex.Symbol out = index.resolve(index.mentionAt(14, 26));
        assertEquals("model:m", out.scope(), "the train section sees the model's nodes");
        assertEquals(SourceIndex.Kind.BLOCK, index.resolve(index.mentionAt(9, 11)).kind());
        assertNull(index.resolve(index.mentionAt(10, 11)), "dense is an operation, not defined here");
        assertEquals("twice(n = width)", index.symbols().stream().filter(s -> s.kind() == SourceIndex.Kind.BLOCK)
                .findFirst().orElseThrow().detail());
    }

    @Test
    void aTextThatDoesNotParseIsIndexedAsFarAsItReads() {
        SourceIndex index = SourceIndex.of("model m {\n    input x: [4]\n    x -> dense(4, -> h\n    h -> \n");
        List<String> names = index.symbols().stream().map(SourceIndex.Symbol::name).toList();
        assertTrue(names.contains("m") && names.contains("x"), names.toString());
        assertNotNull(index.mentionAt(3, 5));
        assertEquals("model:m", index.scopeAt(3, 5));
    }

    @Test
    void anyMixOfTheLanguagesPiecesIsIndexedWithoutFailing() {
        String[] pieces = {"model", "block", "train", "let", "import", "input", "output", "repeat", "x", "y", "=", "->",
                "(", ")", "{", "}", "[", "]", ",", ":", "\n", "1", "2.5", "\"s", "\"ok\"", "dense", "// c", "/*", "-", "@"};
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(60); k > 0; k--) text.append(pieces[random.nextInt(pieces.length)]).append(' ');
            SourceIndex index = SourceIndex.of(text.toString());
            for (SourceIndex.Mention m : index.mentions()) {
                SourceIndex.Symbol s = index.resolve(m);
                if (s != null) assertTrue(index.occurrences(s).contains(m), text.toString());
            }
            index.visibleAt(1, 1);
        }
    }

    @Test
    void nestingDeeperThanTheCompilerAcceptsGivesAnEmptyIndex() {
        SourceIndex index = SourceIndex.of("let a = " + "[".repeat(100_000));
        assertTrue(index.symbols().isEmpty());
    }
}
