package nn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class GraphCommandTest {

    @Test
    void printsTheGraphAsDotWithBlocksAsClusters() {
        CliRun run = CliRun.of("graph", CliRun.example("inception.nn"));
        assertEquals(0, run.exitCode(), run.err());
        String dot = run.out();
        assertTrue(dot.startsWith("digraph \"inception_mlp\" {\n"), dot);
        assertTrue(dot.contains("\"image\" [shape=ellipse, label=\"image\\ninput [1, 28, 28]\"];"), dot);
        assertTrue(dot.contains("subgraph \"cluster_mixed1\" {\n    label=\"mixed1: inception\""), dot);
        assertTrue(dot.contains("\"mixed1.a\" [label=\"mixed1.a\\nrelu [32]\"];"), dot);
        // the concat reads its three branches; the output is drawn doubled
        for (String branch : new String[]{"a", "b", "c"}) {
            assertTrue(dot.contains("\"mixed1." + branch + "\" -> \"mixed1\";"), dot);
        }
        assertTrue(dot.contains("\"logits\" [label=\"logits\\ndense [10]\", peripheries=2];"), dot);
        assertTrue(dot.endsWith("}\n"), dot);
    }

    @Test
    void writesADotFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("mlp.dot");
        CliRun run = CliRun.of("graph", CliRun.example("mnist-mlp.nn"), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(CliRun.of("graph", CliRun.example("mnist-mlp.nn")).out(), Files.readString(out));
        assertTrue(run.out().contains("wrote " + out), run.out());
    }

    @Test
    void anUnknownFormatIsBadInput(@TempDir Path dir) {
        CliRun run = CliRun.of("graph", CliRun.example("mnist-mlp.nn"), "-o", dir.resolve("g.jpg").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("name it .dot, .svg or .png"), run.err());
    }

    @Test
    void rendersSvgAndPngWhenGraphvizIsInstalled(@TempDir Path dir) throws Exception {
        assumeTrue(new GraphvizRenderer().available(), "Graphviz's dot is not installed");
        Path svg = dir.resolve("g.svg");
        Path png = dir.resolve("g.png");
        assertEquals(0, CliRun.of("graph", CliRun.example("residual.nn"), "-o", svg.toString()).exitCode());
        assertEquals(0, CliRun.of("graph", CliRun.example("residual.nn"), "-o", png.toString()).exitCode());
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("<svg") && text.contains("residual_1.h"), text.substring(0, Math.min(300, text.length())));
        byte[] magic = new byte[]{(byte) 0x89, 'P', 'N', 'G'};
        byte[] head = new byte[4];
        System.arraycopy(Files.readAllBytes(png), 0, head, 0, 4);
        assertArrayEquals(magic, head);
    }

    @Test
    void withoutGraphvizTheMessageSaysWhatToInstall(@TempDir Path dir) {
        GraphvizRenderer missing = new GraphvizRenderer("nn-test-no-such-dot");
        assertTrue(!missing.available());
        RunFailure e = assertThrows(RunFailure.class,
                () -> missing.render("digraph g {}", "svg", dir.resolve("g.svg")));
        assertTrue(e.getMessage().contains("needs Graphviz's 'dot', which is not installed here"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install graphviz"), e.getMessage());
        assertTrue(e.getMessage().contains("-o out.dot"), e.getMessage());
    }
}
