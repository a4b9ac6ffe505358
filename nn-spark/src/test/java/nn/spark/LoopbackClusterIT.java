package nn.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nn.api.checkpoint.Checkpoint;
import nn.api.checkpoint.CheckpointReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A standalone Spark cluster of separate JVMs on the loopback (nn-spark/cluster.sh: a master and
 * two workers with one core each), and the driver as a JVM of its own started the way ./nn does:
 * nn trains on it with executors in their own JVMs, a plugin's model trains there (its jar shipped
 * by the driver), and `kill -9` of one executor half way through leaves the result bit-identical
 * to an undisturbed run (Spark reruns the lost tasks from the same broadcast parameters).
 * Needs only Java and the built jars, so it never skips.
 */
class LoopbackClusterIT {
    private static final Path ROOT = SparkTrainingTest.projectDir();
    /**
     * Ports of its own, so the test runs beside a cluster a user started with the defaults;
     * -Dnn.it.spark.port moves it (the web page's port is the master's + 1000) beside another run of it.
     */
    private static final String PORT = System.getProperty("nn.it.spark.port", "17177");
    private static final String MASTER = "spark://127.0.0.1:" + PORT;
    private static final Path DIR = ROOT.resolve("nn-spark/target/it-cluster");
    /** Each executor's heap in the memory test: MNIST's training images alone are 47 MB (60,000 x 784 bytes). */
    private static final String SMALL_EXECUTOR_HEAP = "96m";

    @BeforeAll
    static void startCluster() throws Exception {
        Process start = cluster("start").start();
        String out = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(start.waitFor(400, TimeUnit.SECONDS), "cluster.sh start did not return");
        assertEquals(0, start.exitValue(), "cluster.sh start failed: " + out);
        assertEquals(MASTER, out.lines().filter(l -> l.startsWith("spark://")).findFirst().orElse(out));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        Process stop = cluster("stop").start();
        stop.getInputStream().readAllBytes();
        assertTrue(stop.waitFor(60, TimeUnit.SECONDS), "cluster.sh stop did not return");
        assertEquals("", executors(), "executors left after stop");
    }

    @Test
    void anExecutorKilledMidRunChangesNothing(@TempDir Path tmp) throws Exception {
        String[] train = {"train", ROOT.resolve("examples/mnist-mlp.nn").toString(), "--spark", MASTER,
                "--epochs", "3", "--train-limit", "3000", "--test-limit", "500", "--no-progress"};
        Path quiet = tmp.resolve("undisturbed");
        Driver undisturbed = Driver.start(concat(train, "--out", quiet.toString()), l -> false);
        assertEquals(0, undisturbed.waitFor(), undisturbed.output());
        assertTrue(undisturbed.output().contains("spark " + MASTER + ": 2 workers, data replicated"), undisturbed.output());

        Path killed = tmp.resolve("killed");
        AtomicBoolean shot = new AtomicBoolean();
        // As soon as epoch 1 is reported, epoch 2 is running on both executors: kill one of them.
        Driver disturbed = Driver.start(concat(train, "--out", killed.toString()), line -> {
            if (!line.startsWith("epoch  1") || shot.get()) return false;
            String pids = executors();
            assertFalse(pids.isBlank(), "no executor JVMs found under " + DIR);
            long pid = Long.parseLong(pids.lines().findFirst().orElseThrow().strip());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
            shot.set(true);
            return true;
        });
        assertEquals(0, disturbed.waitFor(), disturbed.output());
        assertTrue(shot.get(), "the executor was never killed: " + disturbed.output());
        assertEquals(3, Files.readAllLines(killed.resolve("metrics.jsonl")).size());

        Checkpoint a = CheckpointReader.read(quiet.resolve("model.nnc"));
        Checkpoint b = CheckpointReader.read(killed.resolve("model.nnc"));
        assertArrayEquals(a.params().toFloatVector(), b.params().toFloatVector(),
                "the parameters differ after an executor was killed");
        // Whether a task was running on the killed executor (and so was rerun) depends on the moment.
        JsonNode communication = new ObjectMapper().readTree(killed.resolve("communication.json").toFile());
        System.out.println("executor killed during epoch 2; failed tasks rerun: " + communication.get("spark_failed_tasks"));
    }

    @Test
    void aPluginModelTrainsWithItsJarShippedToTheExecutors(@TempDir Path tmp) throws Exception {
        Path example = ROOT.resolve("examples/plugin-example");
        Driver run = Driver.start(new String[]{"train", example.resolve("prelu-mlp.nn").toString(),
                "--plugins", example.resolve("target").toString(), "--spark", MASTER, "--epochs", "1",
                "--train-limit", "2000", "--test-limit", "300", "--no-progress", "--out", tmp.toString()}, l -> false);
        assertEquals(0, run.waitFor(), run.output());
        assertTrue(run.output().contains("final test accuracy"), run.output());
    }

    /**
     * An executor heap smaller than MNIST's training split as a replicated executor holds it: the
     * replicated run stops with one line naming the limit, the sharded run, whose executors read and
     * hold half of the examples each, trains to the end. Spark refuses executors below 450 MB (1.5 x
     * its 300 MB reserve), so the reserve is lowered for this run to make the limit small instead
     * of the data large (and Netty's limit for fetching a block to memory, which must stay below the heap).
     */
    @Test
    void anExecutorHeapTooSmallForTheWholeTrainingSetTrainsWhenSharded(@TempDir Path tmp) throws Exception {
        String[] limit = {"-Dspark.executor.memory=" + SMALL_EXECUTOR_HEAP, "-Dspark.testing.reservedMemory=0",
                "-Dspark.network.maxRemoteBlockSizeFetchToMem=16m", "-Dspark.task.maxFailures=1"};
        String[] train = {"train", ROOT.resolve("examples/mnist-mlp.nn").toString(), "--spark", MASTER, "--epochs", "1",
                "--batch", "256", "--test-limit", "1000", "--no-progress"};

        Driver replicated = Driver.start(limit, concat(train, "--out", tmp.resolve("replicated").toString()), l -> false);
        assertEquals(1, replicated.waitFor(), replicated.output());
        String error = replicated.output().lines().filter(l -> l.startsWith("nn: error:")).findFirst()
                .orElseThrow(() -> new AssertionError("no error line:\n" + replicated.output()));
        assertTrue(error.contains("train-images-idx3-ubyte") && error.contains("do not fit in this JVM's heap (limit "),
                error);
        assertFalse(replicated.output().contains("\tat "), "a stack trace:\n" + replicated.output());
        System.out.println("replicated, executor heap " + SMALL_EXECUTOR_HEAP + ": " + error);

        Driver sharded = Driver.start(concat(limit, "-D" + SparkRun.SHARDS_PROPERTY + "=true"),
                concat(train, "--out", tmp.resolve("sharded").toString()), l -> false);
        assertEquals(0, sharded.waitFor(), sharded.output());
        assertTrue(sharded.output().contains("2 workers, data sharded"), sharded.output());
        String result = sharded.output().lines().filter(l -> l.contains("final test accuracy")).findFirst()
                .orElseThrow(() -> new AssertionError(sharded.output()));
        System.out.println("sharded, executor heap " + SMALL_EXECUTOR_HEAP + ": " + result);
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static ProcessBuilder cluster(String command) {
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("nn-spark/cluster.sh").toString(), command)
                .redirectErrorStream(true);
        pb.environment().put("NN_SPARK_MASTER_PORT", PORT);
        pb.environment().put("NN_SPARK_UI_PORT", String.valueOf(Integer.parseInt(PORT) + 1000));
        pb.environment().put("NN_SPARK_DIR", DIR.toString());
        return pb;
    }

    /** The pids of this cluster's executor JVMs, one a line. */
    private static String executors() {
        try {
            Process p = cluster("executors").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out.strip();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** nn train as a driver JVM of its own, with the class path ./nn --spark uses; `onLine` sees every output line. */
    private record Driver(Process process, StringBuilder out, Thread reader) {
        static Driver start(String[] args, Predicate<String> onLine) throws IOException {
            return start(new String[0], args, onLine);
        }

        /** With JVM options of the driver's, e.g. Spark properties as -Dspark.x=y (SparkConf reads them). */
        static Driver start(String[] jvmOptions, String[] args, Predicate<String> onLine) throws IOException {
            String classPath = String.join(java.io.File.pathSeparator, ROOT.resolve("nn-spark/target/spark-jars/*").toString(),
                    ROOT.resolve("nn-spark/target/nn-spark-0.1.0-SNAPSHOT.jar").toString(),
                    ROOT.resolve("nn-cli/target/nn.jar").toString());
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(Arrays.asList(System.getProperty("spark.jvm.options", "").split(" ")));
            command.add("-Xmx1g");
            command.addAll(Arrays.asList(jvmOptions));
            command.addAll(List.of("-cp", classPath, "nn.cli.Main"));
            command.addAll(Arrays.asList(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            StringBuilder out = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        synchronized (out) {
                            out.append(line).append('\n');
                        }
                        onLine.test(line);
                    }
                } catch (IOException e) {
                    synchronized (out) {
                        out.append("(reading the driver's output failed: ").append(e).append(")\n");
                    }
                }
            });
            reader.start();
            return new Driver(p, out, reader);
        }

        int waitFor() throws InterruptedException {
            // Generous: on an idle 2-core machine a run takes well under a minute, under heavy load several.
            if (!process.waitFor(600, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the driver did not finish in 600 s:\n" + output());
            }
            reader.join(10_000);
            return process.exitValue();
        }

        String output() {
            synchronized (out) {
                return out.toString();
            }
        }
    }
}
