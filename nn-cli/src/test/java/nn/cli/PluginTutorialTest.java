package nn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/plugins.md is the example plugin, file by file: each file it shows is byte-identical to
 * examples/plugin-example (which `mvn verify` builds and tests, i.e. the tutorial's `mvn
 * package`), it shows every file a reader needs, the example's pinned versions match nn's own,
 * and each `nn` command in it runs against the built plugin.
 */
class PluginTutorialTest {
    private static final Pattern FILE_BLOCK = Pattern.compile("<!-- file: (\\S+) -->\\n```\\w*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CONSOLE_BLOCK = Pattern.compile("```console\\n(.*?)```", Pattern.DOTALL);

    static final Path DOC = CliRun.projectDir().resolve("docs/plugins.md");
    static final Path EXAMPLE = CliRun.projectDir().resolve("examples/plugin-example");

    @TempDir
    Path tmp;

    @Test
    void everyFileShownIsTheExamplesFile() throws IOException {
        Map<String, String> shown = filesShown();
        assertTrue(shown.size() >= 8, "files shown: " + shown.keySet());
        for (Map.Entry<String, String> f : shown.entrySet()) {
            Path file = EXAMPLE.resolve(f.getKey());
            assertTrue(Files.isRegularFile(file), "docs/plugins.md shows " + f.getKey() + ", which the example lacks");
            assertEquals(Files.readString(file).stripTrailing(), f.getValue().stripTrailing(), f.getKey() + " differs from the example");
        }
    }

    @Test
    void theTutorialShowsEverySourceFileOfThePlugin() throws IOException {
        Map<String, String> shown = filesShown();
        List<String> needed = new ArrayList<>(List.of("pom.xml", "scaled-mlp.nn"));
        try (Stream<Path> files = Files.walk(EXAMPLE.resolve("src"))) {
            files.filter(Files::isRegularFile).forEach(p -> needed.add(EXAMPLE.relativize(p).toString().replace('\\', '/')));
        }
        for (String n : needed) assertTrue(shown.containsKey(n), "docs/plugins.md does not show " + n);
    }

    @Test
    void theExamplesPinnedVersionsAreNnsOwn() throws IOException {
        String parent = Files.readString(CliRun.projectDir().resolve("pom.xml"));
        String example = Files.readString(EXAMPLE.resolve("pom.xml"));
        assertEquals(first(parent, "<artifactId>nn-parent</artifactId>\\s*<version>([^<]+)</version>"),
                first(example, "<nn.version>([^<]+)</nn.version>"), "nn version");
        assertEquals(first(parent, "<junit.version>([^<]+)</junit.version>"), first(example, "<junit.version>([^<]+)</junit.version>"));
        assertEquals(first(parent, "<slf4j.version>([^<]+)</slf4j.version>"), first(example, "<slf4j.version>([^<]+)</slf4j.version>"));
        assertEquals(first(parent, "<surefire.version>([^<]+)</surefire.version>"),
                first(example, "<artifactId>maven-surefire-plugin</artifactId><version>([^<]+)</version>"));
        for (String plugin : new String[]{"maven-compiler-plugin", "maven-resources-plugin", "maven-jar-plugin"}) {
            String pattern = "<artifactId>" + plugin + "</artifactId><version>([^<]+)</version>";
            assertEquals(first(parent, pattern), first(example, pattern), plugin);
        }
    }

    @Test
    void everyNnCommandInTheTutorialRuns() throws IOException {
        String doc = Files.readString(DOC);
        List<String[]> commands = new ArrayList<>();
        boolean buildsWithMaven = false;
        Matcher m = CONSOLE_BLOCK.matcher(doc);
        while (m.find()) {
            for (String line : m.group(1).split("\n")) {
                if (line.equals("$ mvn package")) buildsWithMaven = true;
                if (line.startsWith("$ nn ")) commands.add(line.substring(5).trim().split("\\s+"));
            }
        }
        assertTrue(buildsWithMaven, "the tutorial builds the plugin with mvn package");
        assertTrue(commands.size() >= 4, "nn commands found: " + commands.size());
        for (String[] command : commands) {
            List<String> args = new ArrayList<>();
            for (String a : command) args.add(resolve(a));
            if (args.get(0).equals("train")) args.addAll(List.of("--epochs", "1", "--train-limit", "2000", "--test-limit", "500", "--no-progress"));
            if (args.get(0).equals("eval")) args.addAll(List.of("--test-limit", "500"));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), "nn " + String.join(" ", command) + " failed:\n" + run.err());
            assertTrue(!run.err().contains("warning: plugin"), run.err());
        }
    }

    /** The tutorial's folder is examples/plugin-example; its run directory goes to a temporary folder. */
    private String resolve(String arg) {
        if (arg.startsWith("runs/")) return tmp.resolve(arg).toString();
        Path inExample = EXAMPLE.resolve(arg);
        return Files.exists(inExample) && !arg.startsWith("-") ? inExample.toString() : arg;
    }

    private static Map<String, String> filesShown() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        Matcher m = FILE_BLOCK.matcher(Files.readString(DOC));
        while (m.find()) files.put(m.group(1), m.group(2));
        return files;
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "not found: " + regex);
        return m.group(1);
    }

}
