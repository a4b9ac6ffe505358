package nn.cli;

import com.google.inject.Module;
import nn.api.spi.LayerProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plugins as a user meets them: the example plugin's jar loaded from a plugin directory, and
 * every way a plugin can be wrong (clashing names, missing classes, code that throws).
 */
class PluginLoadingTest {
    static Path exampleTarget;
    static Path exampleJar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findTheExamplePluginJar() throws IOException {
        exampleTarget = CliRun.projectDir().resolve("examples/plugin-example/target");
        try (Stream<Path> files = Files.list(exampleTarget)) {
            exampleJar = files.filter(p -> p.getFileName().toString().matches("nn-plugin-example-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("build examples/plugin-example first (mvn verify does)"));
        }
    }

    @Test
    void listsTheExamplePluginsProvidersWithTheirJar() {
        CliRun run = CliRun.of("plugins", "--plugins", exampleTarget.toString());
        assertEquals(0, run.exitCode(), run.err());
        for (String name : new String[]{"scale", "swish", "gelu"}) {
            assertTrue(Pattern.compile("\\n  " + name + " .*\\n(.*\\n)*?\\s+from " + Pattern.quote(exampleJar.toString()))
                    .matcher(run.out()).find(), name + " with its jar missing from:\n" + run.out());
        }
        assertFalse(run.err().contains("warning: plugin"), run.err());
    }

    @Test
    void withoutThePluginItsOperationsAreUnknownAndTheMessageSaysHowToLoadIt() {
        CliRun run = CliRun.of("check", CliRun.example("plugin-example/scaled-mlp.nn"));
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("unknown operation 'scale'") && run.err().contains("--plugins DIR"), run.err());
    }

    @Test
    void trainsTheExampleModelAndTheCheckpointEvaluatesWithThePlugin() {
        Path out = tmp.resolve("run");
        CliRun train = CliRun.of("train", CliRun.example("plugin-example/scaled-mlp.nn"), "--plugins", exampleTarget.toString(),
                "--epochs", "1", "--train-limit", "2000", "--test-limit", "500", "--no-progress", "--out", out.toString());
        assertEquals(0, train.exitCode(), train.err());
        Matcher accuracy = Pattern.compile("final test accuracy: ([0-9.]+) %").matcher(train.out());
        assertTrue(accuracy.find(), train.out());
        assertTrue(Double.parseDouble(accuracy.group(1)) > 60, train.out());

        Path checkpoint = out.resolve("model.nnc");
        assertEquals(0, CliRun.of("eval", checkpoint.toString(), "--plugins", exampleTarget.toString(), "--test-limit", "200").exitCode());
        CliRun without = CliRun.of("eval", checkpoint.toString(), "--test-limit", "200");
        assertEquals(ExitCodes.BAD_INPUT, without.exitCode(), "a missing plugin is bad input:\n" + without.err());
        assertTrue(without.err().contains(checkpoint + ": node 'scale_1' uses unknown operation 'scale'")
                && without.err().contains("--plugins DIR"), without.err());

        CliRun summary = CliRun.of("summary", checkpoint.toString(), "--plugins", exampleTarget.toString());
        assertEquals(ExitCodes.BAD_INPUT, summary.exitCode());
        assertTrue(summary.err().contains("this is a checkpoint, not a .nn file: use nn eval"), summary.err());
    }

    @Test
    void twoPluginsWithTheSameNameAreAProblemNamingBothJarsUnlessOneIsPreferred() throws IOException {
        Path first = copy(exampleJar, tmp.resolve("a/first.jar"));
        Path second = copy(exampleJar, tmp.resolve("b/second.jar"));
        CliRun clash = CliRun.of("plugins", "--plugins", first.getParent().toString(), "--plugins", second.getParent().toString());
        assertEquals(0, clash.exitCode(), clash.err());
        String line = clash.err().lines().filter(l -> l.contains("two layers are named 'scale'")).findFirst().orElse("");
        assertTrue(line.startsWith("nn: warning: plugin second.jar: ") && line.contains(first.toString())
                && line.contains(second.toString()) && line.contains("neither is loaded: rename one, or choose with --prefer"),
                clash.err());
        assertTrue(clash.out().contains("problems:") && clash.out().contains("two layers are named 'scale'"), clash.out());
        assertFalse(clash.out().contains("\n  scale "), "neither scale is listed:\n" + clash.out());

        CliRun preferred = CliRun.of("plugins", "--plugins", first.getParent().toString(), "--plugins",
                second.getParent().toString(), "--prefer", "second.jar");
        assertEquals(0, preferred.exitCode(), preferred.err());
        assertTrue(Pattern.compile("\\n  scale .*\\n(.*\\n)*?\\s+from " + Pattern.quote(second.toString()))
                .matcher(preferred.out()).find(), preferred.out());
    }

    @Test
    void aPluginLayerNamedLikeABuiltInIsLeftOutAndNnsOwnKeepsWorking() throws IOException {
        Path dir = tmp.resolve("plugins");
        new PluginJarBuilder().source("test.MyDense", """
                package test;
                public class MyDense extends nn.api.spi.BaseProvider implements nn.api.spi.LayerProvider {
                    public MyDense() { super("dense", "my dense", nn.api.schema.Schema.of(
                            nn.api.schema.Param.required("width", nn.api.schema.ParamType.INT, "width"))); }
                    public nn.api.graph.Shape outputShape(nn.api.graph.Shape in, nn.api.schema.Args a) { return in; }
                    public nn.api.runtime.Layer create(nn.api.graph.Shape in, nn.api.schema.Args a) { return null; }
                }""").service(LayerProvider.class, "test.MyDense").writeTo(dir.resolve("mydense.jar"));
        String expected = "nn: warning: plugin mydense.jar: 'dense' is already a built-in layer, so test.MyDense is left out: "
                + "rename it (or replace nn's own 'dense' in every model with --prefer mydense.jar)";

        CliRun plugins = CliRun.of("plugins", "--plugins", dir.toString());
        assertEquals(0, plugins.exitCode(), plugins.err());
        assertTrue(plugins.err().contains(expected), plugins.err());
        assertTrue(plugins.out().contains("problems:\n  plugin mydense.jar: 'dense' is already a built-in layer"), plugins.out());

        CliRun check = CliRun.of("check", CliRun.example("mnist-mlp.nn"), "--plugins", dir.toString());
        assertEquals(0, check.exitCode(), "dense(128) is still nn's dense:\n" + check.err());
        assertTrue(check.err().contains(expected), check.err());
    }

    @Test
    void aServiceFileNamingAMissingClassIsReportedAndTheOtherProvidersStillWork() throws IOException {
        Path broken = PluginJarBuilder.copyWithExtraService(exampleJar, tmp.resolve("plugins/broken.jar"),
                LayerProvider.class, "org.example.nnplugin.Missing");
        CliRun run = CliRun.of("plugins", "--plugins", broken.getParent().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("nn: warning: plugin broken.jar: META-INF/services/nn.api.spi.LayerProvider names "
                + "org.example.nnplugin.Missing, which is not in the plugin"), run.err());
        assertTrue(run.out().contains("\n  scale ") && run.out().contains("\n  swish "), run.out());
        assertTrue(run.out().contains("problems:"), run.out());
    }

    @Test
    void aProviderWhoseConstructorThrowsIsLeftOutWithAWarning() throws IOException {
        Path dir = tmp.resolve("plugins");
        new PluginJarBuilder().source("test.Angry", """
                package test;
                public class Angry extends nn.api.spi.BaseProvider implements nn.api.spi.LayerProvider {
                    public Angry() { super("angry", "never made", nn.api.schema.Schema.empty()); throw new IllegalStateException("no licence key"); }
                    public nn.api.graph.Shape outputShape(nn.api.graph.Shape in, nn.api.schema.Args a) { return in; }
                    public nn.api.runtime.Layer create(nn.api.graph.Shape in, nn.api.schema.Args a) { return null; }
                }""").service(LayerProvider.class, "test.Angry").writeTo(dir.resolve("angry.jar"));
        copy(exampleJar, dir.resolve("example.jar"));
        CliRun run = CliRun.of("plugins", "--plugins", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("plugin angry.jar: META-INF/services/nn.api.spi.LayerProvider names test.Angry, "
                + "which threw IllegalStateException: no licence key when created"), run.err());
        assertTrue(run.out().contains("\n  scale "), run.out());
    }

    @Test
    void aProviderThatThrowsWhileCheckingIsNamedWithItsJarAtTheLineThatUsesIt() throws IOException {
        Path dir = tmp.resolve("plugins");
        new PluginJarBuilder().source("test.Exploding", layer("Exploding", "exploding",
                "throw new IllegalStateException(\"boom in shapes\");", "return null;"))
                .service(LayerProvider.class, "test.Exploding").writeTo(dir.resolve("exploding.jar"));
        Path model = write("m.nn", model("exploding()"));
        CliRun run = CliRun.of("check", model.toString(), "--plugins", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("m.nn:3:27: error: 'exploding' (test.Exploding from " + dir.resolve("exploding.jar")
                + ") failed while checking shapes: IllegalStateException: boom in shapes"), run.err());
    }

    @Test
    void aFactoryThatThrowsWhileBuildingIsNamedWithItsJar() throws IOException {
        Path dir = tmp.resolve("plugins");
        new PluginJarBuilder().source("test.Unbuildable", layer("Unbuildable", "unbuildable", "return in;",
                "throw new UnsupportedOperationException(\"needs a GPU\");"))
                .service(LayerProvider.class, "test.Unbuildable").writeTo(dir.resolve("unbuildable.jar"));
        Path model = write("m.nn", model("unbuildable()"));
        CliRun run = CliRun.of("train", model.toString(), "--plugins", dir.toString(), "--epochs", "1",
                "--train-limit", "128", "--test-limit", "64", "--no-progress", "--out", tmp.resolve("run").toString());
        assertEquals(ExitCodes.FAILURE, run.exitCode(), run.err());
        assertTrue(run.err().contains("nn: error: 'unbuildable' (test.Unbuildable from " + dir.resolve("unbuildable.jar")
                + ") failed while building node 'unbuildable_1': UnsupportedOperationException: needs a GPU"), run.err());
    }

    @Test
    void aLayerThatThrowsInTrainingStopsTheRunWithOneLineNamingNodeAndJar() throws IOException {
        Path dir = tmp.resolve("plugins");
        new PluginJarBuilder().source("test.Fragile", layer("Fragile", "fragile", "return in;", """
                return new nn.api.runtime.Layer() {
                    public org.nd4j.linalg.api.ndarray.INDArray forward(org.nd4j.linalg.api.ndarray.INDArray x, boolean t) {
                        throw new ArithmeticException("fragile forward");
                    }
                    public org.nd4j.linalg.api.ndarray.INDArray backward(org.nd4j.linalg.api.ndarray.INDArray g) { return g; }
                };"""))
                .service(LayerProvider.class, "test.Fragile").writeTo(dir.resolve("fragile.jar"));
        Path model = write("m.nn", model("fragile()"));
        CliRun run = CliRun.of("train", model.toString(), "--plugins", dir.toString(), "--epochs", "1",
                "--train-limit", "128", "--test-limit", "64", "--no-progress", "--out", tmp.resolve("run").toString());
        assertEquals(ExitCodes.FAILURE, run.exitCode(), run.err());
        assertTrue(run.err().contains("nn: error: 'fragile' (test.Fragile$1 from " + dir.resolve("fragile.jar")
                + ") failed in the forward pass of node 'fragile_1': ArithmeticException: fragile forward"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace without --debug:\n" + run.err());
    }

    @Test
    void aGuiceModuleThatFailsIsLeftOutAndTheRestLoads() throws IOException {
        Path dir = tmp.resolve("plugins");
        new PluginJarBuilder().source("test.BadModule", """
                package test;
                public class BadModule extends com.google.inject.AbstractModule {
                    protected void configure() { throw new IllegalStateException("cannot reach the licence server"); }
                }""").service(Module.class, "test.BadModule").writeTo(dir.resolve("bad-module.jar"));
        copy(exampleJar, dir.resolve("example.jar"));
        CliRun run = CliRun.of("plugins", "--plugins", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("plugin bad-module.jar: Guice module test.BadModule is left out")
                && run.err().contains("cannot reach the licence server"), run.err());
        assertTrue(run.out().contains("\n  gelu "), "the example's own Guice module still loads:\n" + run.out());
    }

    @Test
    void aFileThatIsNotAJarIsSkippedWithAWarning() throws IOException {
        Path dir = tmp.resolve("plugins");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.jar"), "not a zip");
        copy(exampleJar, dir.resolve("example.jar"));
        CliRun run = CliRun.of("plugins", "--plugins", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("plugin notes.jar: " + dir.resolve("notes.jar") + " is not a readable jar"), run.err());
        assertTrue(run.out().contains("\n  scale "), run.out());
    }

    @Test
    void aPluginDirectoryThatDoesNotExistIsAnError() {
        CliRun run = CliRun.of("plugins", "--plugins", tmp.resolve("nowhere").toString());
        assertEquals(ExitCodes.FAILURE, run.exitCode());
        assertTrue(run.err().contains("plugin directory " + tmp.resolve("nowhere") + " does not exist"), run.err());
    }

    private static String layer(String className, String name, String shapeBody, String createBody) {
        return "package test;\n"
                + "public class " + className + " extends nn.api.spi.BaseProvider implements nn.api.spi.LayerProvider {\n"
                + "  public " + className + "() { super(\"" + name + "\", \"a test layer\", nn.api.schema.Schema.empty()); }\n"
                + "  public nn.api.graph.Shape outputShape(nn.api.graph.Shape in, nn.api.schema.Args a) { " + shapeBody + " }\n"
                + "  public nn.api.runtime.Layer create(nn.api.graph.Shape in, nn.api.schema.Args a) { " + createBody + " }\n"
                + "}\n";
    }

    private static String model(String op) {
        return "model m {\n"
                + "    input image: [1, 28, 28]\n"
                + "    image -> flatten() -> " + op + " -> dense(10) -> logits\n"
                + "    output logits\n"
                + "}\n"
                + "train {\n"
                + "    data = mnist(normalize = [0.5, 0.5])\n"
                + "    loss = cross_entropy(logits, label)\n"
                + "    optimizer = sgd(lr = 0.1)\n"
                + "    batch = 32\n"
                + "    epochs = 1\n"
                + "}\n";
    }

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        return Files.copy(from, to);
    }
}
