package nn.dsl;

import nn.api.registry.Registry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.antlr.v4.runtime.Token;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutates the example files and the golden cases {@value #RUNS} times with a fixed seed:
 * deleting, duplicating and swapping tokens, truncating, inserting random bytes, very long
 * lines and deep nesting. Every input must compile or fail with diagnostics that all have a
 * location (a line, or the whole file), never with another exception, and within
 * {@value #LIMIT_MS} ms. A formatted file must format to itself.
 */
class FuzzTest {
    static final int RUNS = 10_000;
    static final long SEED = 20261127L;
    /** A hang detector, not a speed goal: 2 s failed under CI load on a shared 2-core machine (JIT warm-up, GC). */
    static final long LIMIT_MS = 10_000;

    private static Registry registry;
    private static List<String> corpus;

    @BeforeAll
    static void load() throws Exception {
        registry = Registries.real();
        corpus = new ArrayList<>();
        Path root = Path.of(System.getProperty("nn.project.dir", ".."));
        try (Stream<Path> s = Files.list(root.resolve("examples"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".nn")).sorted().toList()) corpus.add(Files.readString(p));
        }
        try (Stream<Path> s = Files.list(GoldenErrorTest.errorsDir())) {
            for (Path p : s.filter(p -> p.toString().endsWith(".nn")).sorted().toList()) corpus.add(Files.readString(p));
        }
        corpus.add(GraphLanguageTest.RESIDUAL + "model m {\n input x: [4]\n x -> residual(4) -> y\n output y\n}\n");
    }

    @Test
    void mutatedFilesNeverCrashNorHang() throws Exception {
        Random random = new Random(SEED);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "fuzz", 16L << 20);
            t.setDaemon(true);
            return t;
        });
        long slowest = 0;
        int compiled = 0;
        try {
            for (int run = 0; run < RUNS; run++) {
                String text = mutate(corpus.get(random.nextInt(corpus.size())), random);
                long start = System.nanoTime();
                Future<Boolean> result = worker.submit(() -> check(text));
                try {
                    if (result.get(LIMIT_MS, TimeUnit.MILLISECONDS)) compiled++;
                } catch (TimeoutException e) {
                    Files.writeString(Path.of("target/fuzz-slow.nn"), text);
                    fail("compiling took more than " + LIMIT_MS + " ms (run " + run + ", in target/fuzz-slow.nn):\n"
                            + excerpt(text));
                } catch (ExecutionException e) {
                    throw new AssertionError("run " + run + " threw " + e.getCause() + ":\n" + excerpt(text), e.getCause());
                }
                slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.printf("fuzz: %d inputs, %d compiled, slowest %d ms%n", RUNS, compiled, slowest);
        assertTrue(compiled > 0 && compiled < RUNS, "the mutations should both keep and break files");
    }

    /** Compiles; true if it compiled. Diagnostics must each have a place. */
    private static Boolean check(String text) {
        try {
            ModelCompiler.compile("fuzz.nn", text, registry, path -> {
                throw new java.nio.file.NoSuchFileException(path.toString());
            });
            String formatted = Formatter.format("fuzz.nn", text);
            if (!Formatter.format("fuzz.nn", formatted).equals(formatted)) {
                throw new AssertionError("formatting is not stable");
            }
            return true;
        } catch (CompileException e) {
            LocatedDiagnostics.check(e);
            return false;
        }
    }

    // ------------------------------------------------------------ mutations

    private static String mutate(String text, Random random) {
        int kind = random.nextInt(9);
        List<Token> tokens = FileParser.tokens("m.nn", text).stream()
                .filter(t -> t.getType() != Token.EOF).toList();
        if (tokens.isEmpty()) return text;
        Token t = tokens.get(random.nextInt(tokens.size()));
        int a = t.getStartIndex();
        int b = t.getStopIndex() + 1;
        return switch (kind) {
            case 0 -> text.substring(0, a) + text.substring(b);                                  // delete a token
            case 1 -> text.substring(0, b) + " " + t.getText() + text.substring(b);              // duplicate it
            case 2 -> swap(text, t, tokens.get(random.nextInt(tokens.size())));                  // swap two
            case 3 -> text.substring(0, random.nextInt(text.length() + 1));                       // truncate
            case 4 -> insert(text, random, randomBytes(random, 1 + random.nextInt(8)));           // random bytes
            case 5 -> insert(text, random, "dense(1" + ", 1".repeat(5_000 + random.nextInt(5_000)) + ")");
            case 6 -> insert(text, random, "[".repeat(50 + random.nextInt(2_000)));               // deep nesting
            case 7 -> insert(text, random, "x -> relu()\n".repeat(200 + random.nextInt(800)));   // long input
            default -> mutate(mutate(text, random), random);                                     // several
        };
    }

    private static String swap(String text, Token x, Token y) {
        Token first = x.getStartIndex() <= y.getStartIndex() ? x : y;
        Token second = first == x ? y : x;
        if (first.getStopIndex() >= second.getStartIndex()) return text;
        return text.substring(0, first.getStartIndex()) + second.getText()
                + text.substring(first.getStopIndex() + 1, second.getStartIndex()) + first.getText()
                + text.substring(second.getStopIndex() + 1);
    }

    private static String insert(String text, Random random, String what) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + what + text.substring(at);
    }

    private static String randomBytes(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(4);
            s.append(switch (pick) {
                case 0 -> (char) random.nextInt(128);                  // ASCII, control characters too
                case 1 -> "(){}[],=:->\"/*".charAt(random.nextInt(14)); // the language's own punctuation
                case 2 -> (char) (0x80 + random.nextInt(0x2000));      // beyond ASCII
                default -> Character.toChars(0x1F300 + random.nextInt(200))[0]; // half a surrogate pair
            });
        }
        return s.toString();
    }

    private static String excerpt(String text) {
        return text.length() > 2_000 ? text.substring(0, 2_000) + "..." : text;
    }

    @Test
    void theCorpusIsLargeEnough() throws IOException {
        assertTrue(corpus.size() >= 10, "corpus of " + corpus.size());
    }
}
