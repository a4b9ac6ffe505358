package nn.dsl;

import nn.api.network.ModelSummary;
import nn.api.registry.Registry;
import nn.api.train.MemoryEstimate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Where {@link FuzzTest} mutates real files token by token, this one writes whole files from
 * the language's structure, seeded: deep nesting, repeats nested in repeats and in blocks,
 * blocks using blocks (and themselves), imports (cycles and missing files too), huge and
 * negative numbers wherever a number goes, very long lines. Every file must compile (and then
 * its summary and memory estimate must be computable: what `nn check` prints) or fail with
 * located diagnostics, within the hang limit.
 */
class StructuredFuzzTest {
    static final int RUNS = 300;
    static final long SEED = 20261130L;
    /** A hang detector under CI load, not a speed goal: the compile budget keeps a case near a second at worst. */
    static final long LIMIT_MS = 20_000;

    private static final String[] NUMBERS = {
            "1", "2", "3", "8", "28", "0", "-1", "-7", "1000", "1001", "65536", "2147483647", "2147483648",
            "-2147483648", "4294967297", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "100000000000000000000000000000", "0.5", "-0.25", "1e308", "1e309", "-1e-400", ".5"};
    private static final String[] STRINGS = {"\"same\"", "\"xavier\"", "\"\"", "\"\\q\"", "\"" + "x".repeat(3_000) + "\""};

    private static Registry registry;

    @BeforeAll
    static void load() {
        registry = Registries.real();
    }

    @Test
    void generatedFilesEndInBoundedTimeWithAResultOrLocatedErrors() throws Exception {
        Random random = new Random(SEED);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "structured-fuzz", 16L << 20);
            t.setDaemon(true);
            return t;
        });
        int compiled = 0, failed = 0;
        long slowest = 0;
        try {
            for (int run = 0; run < RUNS; run++) {
                Generated g = new Generator(random).file();
                long start = System.nanoTime();
                Future<Boolean> result = worker.submit(() -> check(g));
                try {
                    if (result.get(LIMIT_MS, TimeUnit.MILLISECONDS)) compiled++;
                    else failed++;
                } catch (TimeoutException e) {
                    Files.writeString(Path.of("target/structured-fuzz-slow.nn"), g.main());
                    fail("case " + run + " took more than " + LIMIT_MS + " ms (in target/structured-fuzz-slow.nn)");
                } catch (ExecutionException e) {
                    Files.writeString(Path.of("target/structured-fuzz-crash.nn"), g.main());
                    throw new AssertionError("case " + run + " threw " + e.getCause()
                            + " (in target/structured-fuzz-crash.nn)", e.getCause());
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (ms > slowest) {
                    slowest = ms;
                    Files.writeString(Path.of("target/structured-fuzz-slowest.nn"), g.main()); // to look into
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.printf("structured fuzz: %d files, %d compiled, %d rejected, slowest %d ms%n", RUNS, compiled, failed,
                slowest);
        assertTrue(compiled >= RUNS / 5, "the generator should write some valid models, wrote " + compiled);
        assertTrue(failed >= RUNS / 5, "the generator should write some invalid models, wrote " + failed);
    }

    /** True when it compiled (exit 0 in `nn check`), false for located errors (exit 2); anything else fails. */
    private static Boolean check(Generated g) {
        SourceReader reader = path -> {
            String text = g.imports().get(path.toString());
            if (text == null) throw new NoSuchFileException(path.toString());
            return text;
        };
        try {
            Compiled c = ModelCompiler.compile("fuzz.nn", g.main(), registry, reader);
            List<ModelSummary.Row> rows = ModelSummary.rows(c.graph(), c.shapes(), registry);
            MemoryEstimate m = MemoryEstimate.of(rows, c.graph().train(), registry);
            assertTrue(m.totalBytes() >= 0 && ModelSummary.total(rows) >= 0, "a count wrapped around");
            return true;
        } catch (CompileException e) {
            LocatedDiagnostics.check(e);
            return false;
        }
    }

    record Generated(String main, Map<String, String> imports) {
    }

    /** Writes one file (and the files it imports) from the grammar's pieces, mostly well-formed. */
    private static final class Generator {
        private final Random random;
        /** Half the files use hostile values and constructs; the others are well-formed, so that they compile. */
        private final boolean hostile;
        private final List<String> blocks = new ArrayList<>();
        private final Map<String, String> imports = new HashMap<>();

        Generator(Random random) {
            this.random = random;
            this.hostile = random.nextBoolean();
        }

        Generated file() {
            StringBuilder s = new StringBuilder();
            int libs = random.nextInt(3);
            for (int i = 0; i < libs; i++) {
                String name = "lib" + i + ".nn";
                s.append("import \"").append(hostile && random.nextInt(4) == 0 ? "missing.nn" : name).append("\"\n");
                imports.put(name, library(i, libs));
            }
            if (random.nextInt(4) == 0) s.append("let width = ").append(number()).append('\n');
            int count = random.nextInt(4);
            // Hostile blocks may use any block, themselves included (a cycle); the others only earlier ones.
            if (hostile) for (int i = 0; i < count; i++) blocks.add("b" + i);
            for (int i = 0; i < count; i++) {
                s.append(block("b" + i));
                if (!hostile) blocks.add("b" + i);
            }
            s.append(model());
            if (hostile && random.nextBoolean()) s.append(train());
            return new Generated(s.toString(), imports);
        }

        /** An imported file: a block of its own and, sometimes, an import back (a cycle). */
        private String library(int index, int libs) {
            StringBuilder s = new StringBuilder();
            if (hostile && random.nextInt(3) == 0) s.append("import \"lib").append(random.nextInt(libs)).append(".nn\"\n");
            s.append("block lib").append(index).append("_block(units = ").append(number()).append(") {\n")
                    .append("    input x\n    x -> ").append(chain(2, "units")).append(" -> y\n    output y\n}\n");
            blocks.add("lib" + index + "_block");
            return s.toString();
        }

        private String block(String name) {
            StringBuilder s = new StringBuilder("block " + name + "(n = " + number() + ") {\n    input x\n");
            s.append("    h = x -> ").append(chain(3, "n")).append('\n');
            if (hostile && random.nextInt(3) == 0) s.append("    x -> ").append(name).append("() -> again\n"); // itself
            s.append("    output ").append(hostile && random.nextInt(3) == 0 ? "x" : "h").append("\n}\n");
            return s.toString();
        }

        private String model() {
            StringBuilder s = new StringBuilder("model m {\n");
            s.append("    input x: ").append(shape()).append('\n');
            if (random.nextBoolean()) s.append("    input z: ").append(shape()).append('\n');
            int lines = 1 + random.nextInt(4);
            String last = "x";
            for (int i = 0; i < lines; i++) {
                String name = "n" + i;
                String head = random.nextInt(5) == 0 ? merge(last) : last;
                s.append("    ").append(name).append(" = ").append(head).append(" -> ").append(chain(3, null)).append('\n');
                last = name;
            }
            if (hostile && random.nextInt(4) == 0) s.append("    ").append("(".repeat(10 + random.nextInt(70))).append('\n');
            s.append("    output ").append(hostile && random.nextInt(4) == 0 ? "nowhere" : last).append("\n}\n");
            return s.toString();
        }

        private String merge(String last) {
            String op = random.nextBoolean() ? "add" : "concat";
            return op + "(" + last + ", " + (hostile && random.nextBoolean() ? "z" : last) + ")";
        }

        /** One to a few steps: calls, nested repeats, block uses, and now and then a bare name or a long line. */
        private String chain(int depth, String parameter) {
            int steps = 1 + random.nextInt(3);
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < steps; i++) parts.add(step(depth, parameter));
            if (random.nextInt(hostile ? 10 : 30) == 0) parts.add(String.join(" -> ", java.util.Collections.nCopies(2_000, "relu()")));
            return String.join(" -> ", parts);
        }

        private String step(int depth, String parameter) {
            int pick = random.nextInt(10);
            if (pick < 3 && depth > 0) {
                String count = hostile && random.nextBoolean() ? number() : String.valueOf(1 + random.nextInt(3));
                return "repeat " + count + " { " + chain(depth - 1, parameter) + " }";
            }
            if (pick == 3 && !blocks.isEmpty()) return blocks.get(random.nextInt(blocks.size())) + "(" + maybe(number()) + ")";
            if (pick == 4 && hostile) return "name" + random.nextInt(3); // a bare name: the last step names, anywhere else it is an error
            String value = parameter != null && random.nextBoolean() ? parameter : number();
            if (!hostile) return random.nextBoolean() ? "dense(" + value + ")" : random.nextBoolean() ? "relu()" : "dropout(0.5)";
            return switch (random.nextInt(8)) {
                case 0 -> "dense(" + value + ")";
                case 1 -> "conv2d(" + value + ", kernel = " + number() + ", padding = " + (random.nextBoolean() ? number() : string()) + ")";
                case 2 -> "maxpool2d(" + number() + ")";
                case 3 -> "reshape(shape = " + shape() + ")";
                case 4 -> "flatten()";
                case 5 -> "dropout(" + number() + ")";
                case 6 -> "dense(" + value + ", " + "1, ".repeat(random.nextInt(3) == 0 ? 3_000 : 1) + "bias = true)";
                default -> "relu()";
            };
        }

        private String shape() {
            if (!hostile) return "[" + (1 + random.nextInt(32)) + "]";
            int rank = random.nextInt(8) == 0 ? 20 : 1 + random.nextInt(3);
            List<String> dims = new ArrayList<>();
            for (int i = 0; i < rank; i++) dims.add(random.nextInt(3) == 0 ? number() : String.valueOf(1 + random.nextInt(32)));
            return "[" + String.join(", ", dims) + "]";
        }

        private String train() {
            return "train {\n    data = mnist(train_limit = " + number() + ")\n    loss = cross_entropy(" + "n0, label)\n"
                    + "    optimizer = " + (random.nextBoolean() ? "adam" : "sgd") + "(lr = " + number() + ")\n"
                    + "    batch = " + number() + "\n    epochs = " + number() + "\n}\n";
        }

        private String number() {
            return hostile ? NUMBERS[random.nextInt(NUMBERS.length)] : String.valueOf(1 + random.nextInt(32));
        }

        private String string() {
            return STRINGS[random.nextInt(STRINGS.length)];
        }

        private String maybe(String s) {
            return random.nextBoolean() ? s : "";
        }
    }
}
