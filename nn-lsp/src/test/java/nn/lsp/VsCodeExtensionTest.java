package nn.lsp;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editors/vscode npm project: its TextMate grammar tokenizes the examples with the scopes
 * expected (vscode-textmate, the engine VS Code uses), and @vscode/vsce packages the extension.
 * Needs node and `npm ci` in editors/vscode (.ci/run does it); outside CI a missing one skips.
 */
class VsCodeExtensionTest {
    private static Path extension;

    @BeforeAll
    static void findTools() {
        String dir = System.getProperty("nn.project.dir");
        Path project = dir != null ? Path.of(dir) : Path.of("..").toAbsolutePath().normalize();
        extension = project.resolve("editors/vscode");
        boolean ready = onPath("node") && Files.isDirectory(extension.resolve("node_modules/vscode-textmate"));
        if (!ready && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("node or editors/vscode/node_modules is missing (.ci/run runs npm ci there)");
        }
        Assumptions.assumeTrue(ready, "node or editors/vscode/node_modules is missing: run npm ci in editors/vscode");
    }

    @Test
    void theGrammarScopesTheExamples() throws Exception {
        Run run = run(List.of("node", "test/grammar.test.js"));
        assertEquals(0, run.code(), run.output());
        assertTrue(run.output().contains("grammar OK"), run.output());
    }

    @Test
    void vscePackagesTheExtensionWithItsLanguageClient(@TempDir Path tmp) throws Exception {
        Path vsix = tmp.resolve("nn-language.vsix");
        Run run = run(List.of("node", "node_modules/@vscode/vsce/vsce", "package", "--allow-missing-repository",
                "--skip-license", "-o", vsix.toString()));
        assertEquals(0, run.code(), run.output());
        try (ZipFile zip = new ZipFile(vsix.toFile())) {
            for (String entry : List.of("extension/package.json", "extension/extension.js", "extension/syntaxes/nn.tmLanguage.json",
                    "extension/language-configuration.json", "extension/node_modules/vscode-languageclient/package.json")) {
                assertNotNull(zip.getEntry(entry), entry + " in the .vsix");
            }
        }
    }

    private record Run(int code, String output) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(extension.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        return new Run(p.exitValue(), out);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }
}
