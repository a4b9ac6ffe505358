package nn.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `nn lsp` from the built nn.jar, driven by Neovim's own LSP client (`nvim --headless`) with
 * the configuration users add (editors/nvim/nn.lua): a file with a mistake is opened, and the
 * diagnostic and a hover come back through the editor.
 */
class NeovimLspIT {

    @Test
    void neovimShowsTheDiagnosticAndAHover(@TempDir Path dir) throws Exception {
        boolean hasNvim = onPath("nvim");
        if (!hasNvim && "true".equals(System.getenv("CI"))) throw new AssertionError("nvim is missing (.ci/run installs Debian's neovim)");
        Assumptions.assumeTrue(hasNvim, "nvim is not installed (outside CI the test is skipped)");

        Path project = CliRun.projectDir();
        Path file = dir.resolve("typo.nn");
        Files.writeString(file, """
                model typo {
                    input image: [1, 28, 28]
                    image -> flatten() -> dense2(128) -> relu() -> dense(10) -> logits
                    output logits
                }
                """);
        Path script = dir.resolve("check.lua");
        try (InputStream in = NeovimLspIT.class.getResourceAsStream("nvim-lsp-check.lua")) {
            Files.write(script, in.readAllBytes());
        }
        Path result = dir.resolve("result.txt");
        ProcessBuilder nvim = new ProcessBuilder("nvim", "--headless", "--clean",
                "-c", "luafile " + project.resolve("editors/nvim/nn.lua"), "-c", "luafile " + script)
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("nvim.log").toFile());
        nvim.environment().put("NN_RESULT", result.toString());
        nvim.environment().put("NN_FILE", file.toString());
        nvim.environment().put("NN_HOVER_LINE", "3");
        nvim.environment().put("NN_HOVER_COL", "55"); // on `dense` of dense(10)
        nvim.environment().put("NN_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        nvim.environment().put("NN_JAR", project.resolve("nn-cli/target/nn.jar").toString());
        Process p = nvim.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "nvim did not finish");
        List<String> lines = Files.readAllLines(result);
        String all = String.join("\n", lines) + "\n--- nvim log:\n" + Files.readString(dir.resolve("nvim.log"));
        assertEquals("diagnostic 3:27 unknown operation 'dense2' | hint: did you mean 'dense'?", lines.get(0), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("hover ") && l.contains("dense(units") && l.contains("units: int >= 1")), all);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }
}
