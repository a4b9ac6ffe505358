package nn.cli.sweep;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a sweep as its own `nn train` JVM. Separate JVMs rather than threads of this one:
 * ND4J's thread count (OpenMP, BLAS) is per process, so each run really gets the threads it is
 * given; a run that runs out of memory or diverges cannot take the sweep or the other runs with
 * it; and each run is exactly what `nn train` does, checkpoint and `--resume` included. A JVM's
 * start and data loading cost a few seconds against minutes of training.
 *
 * @param mainClass the class whose main runs nn (the launcher's)
 * @param trainOptions options passed to every run's train command (--epochs, --data-dir, ...)
 * @param threads      compute threads of each run (--threads and OMP_NUM_THREADS)
 */
public record TrainProcess(String mainClass, List<String> trainOptions, List<String> resumeOptions, int threads) {

    public static final String LOG = "train.log";
    public static final String CHECKPOINT = "model.nnc";
    /** Read by `nn train`: the pid whose end ends the run. */
    public static final String STOP_WITH_PID = "NN_STOP_WITH_PID";

    public TrainProcess {
        trainOptions = List.copyOf(trainOptions);
        resumeOptions = List.copyOf(resumeOptions);
    }

    /**
     * The command of one run: continues from its checkpoint when an earlier sweep was interrupted
     * after an epoch ended, else trains from the start into the run's directory.
     */
    public List<String> command(Path file, SweepRun run, Path runDir) {
        List<String> command = new ArrayList<>(jvm());
        command.add(mainClass);
        command.add("train");
        Path checkpoint = runDir.resolve(CHECKPOINT);
        if (Files.isRegularFile(checkpoint)) {
            command.addAll(List.of("--resume", checkpoint.toString()));
            command.addAll(resumeOptions);
        } else {
            command.add(file.toString());
            command.addAll(List.of("--out", runDir.toString()));
            command.addAll(run.setArguments());
            if (run.seed() != null) command.addAll(List.of("--seed", run.seed().toString()));
            command.addAll(trainOptions);
        }
        command.addAll(List.of("--threads", Integer.toString(threads), "--no-progress"));
        return command;
    }

    /** Runs it, its output into the run directory's train.log; the exit code. */
    public int run(Path file, SweepRun run, Path runDir) throws IOException, InterruptedException {
        Files.createDirectories(runDir);
        ProcessBuilder builder = new ProcessBuilder(command(file, run, runDir))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(runDir.resolve(LOG).toFile()));
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        // The run ends when the sweep does, even when the sweep is killed with SIGKILL and its
        // shutdown hook never runs (nn train's ParentWatch).
        builder.environment().put(STOP_WITH_PID, Long.toString(ProcessHandle.current().pid()));
        Process process = builder.start();
        try {
            return process.waitFor();
        } finally {
            // The sweep stopping (Ctrl-C) stops its runs; each keeps its last checkpoint for the next start.
            if (process.isAlive()) process.destroy();
        }
    }

    /** This JVM's binary, heap and collector settings and class path: each run gets what `./nn` gave the sweep. */
    private static List<String> jvm() {
        List<String> jvm = new ArrayList<>();
        jvm.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (passedOn(arg)) jvm.add(arg);
        }
        if (jvm.stream().noneMatch(a -> a.startsWith("-Xmx"))) jvm.add("-Xmx1g");
        jvm.add("-cp");
        jvm.add(System.getProperty("java.class.path"));
        return jvm;
    }

    private static boolean passedOn(String arg) {
        return arg.startsWith("-Xmx") || arg.startsWith("-Xmn") || arg.startsWith("-Dnn.")
                || arg.startsWith("-XX:SharedArchiveFile") || arg.matches("-XX:\\+Use\\w+GC");
    }
}
