package nn.cli;

import com.google.inject.Inject;
import nn.api.checkpoint.CheckpointMetadata;
import nn.api.checkpoint.CheckpointReader;
import nn.api.registry.Registry;
import nn.cli.plot.HistoryChart;
import nn.cli.sweep.RunRecord;
import nn.cli.sweep.RunResult;
import nn.cli.sweep.SweepGrid;
import nn.cli.sweep.SweepRange;
import nn.cli.sweep.SweepRun;
import nn.cli.sweep.SweepTable;
import nn.cli.sweep.TrainProcess;
import nn.dsl.CompileException;
import nn.dsl.ConstantOverrides;
import nn.dsl.ModelCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

/**
 * `nn sweep FILE --set lr=1e-3,3e-3 --set width=128,256 [--seeds 3] [--jobs N]`: one `nn train`
 * per combination and seed, each in its own directory under `--out`, then a table and a chart of
 * every run. Started again, it skips finished runs and resumes interrupted ones.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Train a .nn file once per combination of --set values (and seed); a table and a chart at the end.")
final class SweepCommand implements Callable<Integer> {
    private final Registry registry;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .nn file")
    Path file;

    @Option(names = "--set", paramLabel = "NAME=V1,V2,...",
            description = "the values a let constant takes (repeatable: the grid of every combination; none with --seeds: the file as it is, once per seed);"
                    + " with --random also a range LOW..HIGH[:int][:log] (lr=1e-4..1e-2:log, width=64..512:int)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N", description = "repeat every setting with seeds 1..N (default: the file's seed)")
    Integer seeds;

    @Option(names = "--random", paramLabel = "K", description = "K combinations drawn at random from the grid, or K settings drawn from the ranges (the same K on every start)")
    Integer random;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1", description = "runs at the same time (default 1)")
    int jobs;

    @Option(names = "--threads", paramLabel = "N", description = "compute threads per run (default: the cores shared out among the jobs)")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "the sweep's directory (default runs/<file>-sweep); start again with the same to resume")
    Path out;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs of every run")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N", description = "batch of every run")
    Integer batch;

    @Option(names = "--train-limit", paramLabel = "N", description = "train on the first N examples only")
    Integer trainLimit;

    @Option(names = "--test-limit", paramLabel = "N", description = "use the first N test examples only")
    Integer testLimit;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "where the data set's files are (as nn train)")
    Path dataDir;

    @Option(names = "--offline", description = "never download")
    boolean offline;

    @Option(names = "--backend", paramLabel = "NAME", description = "cpu, cuda or auto (as nn train)")
    String backend;

    @Option(names = "--report", description = "train nothing: the table and chart of the runs as they stand (while a sweep runs, or after one was stopped)")
    boolean report;

    @Spec
    CommandSpec spec;

    @Inject
    SweepCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        List<SweepGrid.Axis> axes = new ArrayList<>();
        List<SweepRun> runs;
        if (sets.isEmpty() && seeds == null) throw new UserError("nothing to sweep: give --set NAME=V1,V2,... or --seeds N");
        if (sets.isEmpty() && random != null) throw new UserError("--random draws from --set values: give at least one --set");
        try {
            for (String s : sets) axes.add(SweepGrid.axis(s));
            runs = SweepGrid.runs(axes, random == null ? 0 : Options.positive("--random", random), seedList());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        int jobCount = Options.positive("--jobs", jobs);
        int perRun = threads != null ? Options.positive("--threads", threads)
                : Math.max(1, Runtime.getRuntime().availableProcessors() / jobCount);
        checkRanges(axes);
        checkEverySetting(runs);
        Path dir = out != null ? out : Path.of("runs", file.getFileName().toString().replaceFirst("\\.nn$", "") + "-sweep");
        Set<String> names = new HashSet<>();
        for (SweepRun r : runs) {
            if (!names.add(r.directoryName())) throw new UserError("two runs would share the directory " + r.directoryName()
                    + ": give each value once, written the same way");
        }
        if (report) {
            if (!Files.isDirectory(dir)) throw new UserError(dir + ": no sweep here (give its --out)");
            return writeTable(axes, runs, dir, stdout);
        }
        Files.createDirectories(dir);
        TrainProcess process = new TrainProcess(Main.class.getName(), trainOptions(), resumeOptions(), perRun);
        stdout.printf("sweep of %d run%s (%d setting%s x %s), %d at a time with %d thread%s each, into %s%n", runs.size(),
                runs.size() == 1 ? "" : "s", runs.stream().map(SweepRun::settings).distinct().count(),
                runs.stream().map(SweepRun::settings).distinct().count() == 1 ? "" : "s",
                seeds == null ? "the file's seed" : seeds + " seed" + (seeds == 1 ? "" : "s"), jobCount, perRun,
                perRun == 1 ? "" : "s", dir);
        stdout.flush();

        // Stopping the sweep stops its runs; they resume from their checkpoints on the next start.
        Thread stopRuns = new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy));
        Runtime.getRuntime().addShutdownHook(stopRuns);
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(jobCount);
        List<String> failed = new ArrayList<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SweepRun run : runs) {
                futures.add(pool.submit(() -> {
                    Outcome outcome = runOne(process, run, dir.resolve(run.directoryName()));
                    synchronized (stdout) {
                        stdout.printf("[%d/%d] %s%n", done.incrementAndGet(), runs.size(), outcome.line());
                        stdout.flush();
                        if (outcome.failed()) failed.add(run.directoryName());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdownNow();
            Runtime.getRuntime().removeShutdownHook(stopRuns);
        }

        writeTable(axes, runs, dir, stdout);
        if (!failed.isEmpty()) {
            throw new RunFailure(failed.size() + " run" + (failed.size() == 1 ? "" : "s") + " failed (see train.log in "
                    + String.join(", ", failed) + "); start the sweep again to retry them", null);
        }
        return ExitCodes.OK;
    }

    /** sweep.md, sweep.csv and sweep.png from the runs' directories as they are now; the table printed. */
    private int writeTable(List<SweepGrid.Axis> axes, List<SweepRun> runs, Path dir, PrintWriter stdout) throws IOException {
        List<RunResult> results = new ArrayList<>();
        for (SweepRun run : runs) results.add(RunResult.read(run, dir.resolve(run.directoryName())));
        SweepTable table = new SweepTable(axes.stream().map(SweepGrid.Axis::name).toList(), results);
        table.write(dir);
        List<HistoryChart.Run> curves = new ArrayList<>();
        for (RunResult r : results) {
            if (r.epochs().isEmpty()) continue;
            double[] epochNumbers = r.epochs().stream().mapToDouble(e -> e.epoch()).toArray();
            double[] loss = r.epochs().stream().mapToDouble(e -> e.trainLoss()).toArray();
            curves.add(new HistoryChart.Run(r.run().directoryName(), epochNumbers, loss, r.metric(), r.regression()));
        }
        if (!curves.isEmpty()) HistoryChart.write(curves, dir.resolve("sweep.png"));
        stdout.println();
        stdout.print(table.markdown());
        stdout.println();
        stdout.println("wrote " + dir.resolve("sweep.md") + ", " + dir.resolve("sweep.csv")
                + (curves.isEmpty() ? "" : " and " + dir.resolve("sweep.png")));
        stdout.flush();
        return ExitCodes.OK;
    }

    /** How a run ended, as one line of the sweep's log. */
    private record Outcome(String line, boolean failed) {
        static Outcome ok(String line) {
            return new Outcome(line, false);
        }
    }

    /** One run: skipped when finished, resumed when interrupted, else trained. */
    private Outcome runOne(TrainProcess process, SweepRun run, Path runDir) throws Exception {
        String name = run.directoryName();
        RunRecord record = RunRecord.read(runDir);
        if (record != null && record.finished()) return Outcome.ok(name + ": finished before, skipped");
        Path checkpoint = runDir.resolve(TrainProcess.CHECKPOINT);
        if (record == null && Files.isRegularFile(checkpoint) && complete(checkpoint)) {
            // Killed after its last checkpoint but before the sweep noted it: nothing is left to train.
            new RunRecord(run.settings(), run.seed(), RunRecord.FINISHED, 0, 0).write(runDir);
            return Outcome.ok(name + ": finished before, skipped");
        }
        boolean resuming = Files.isRegularFile(checkpoint);
        long start = System.nanoTime();
        int exit = process.run(file, run, runDir);
        double wall = (System.nanoTime() - start) / 1e9;
        new RunRecord(run.settings(), run.seed(), exit == 0 ? RunRecord.FINISHED : RunRecord.FAILED, exit, wall).write(runDir);
        if (exit != 0) return new Outcome(name + ": failed (exit " + exit + "), see " + runDir.resolve(TrainProcess.LOG), true);
        RunResult result = RunResult.read(run, runDir);
        String figure = result.last() == null ? "" : result.regression()
                ? String.format(Locale.ROOT, ", R² %.4f (best %.4f)", result.last(), result.best())
                : String.format(Locale.ROOT, ", %.2f %% (best %.2f %% at epoch %d)", 100 * result.last(), 100 * result.best(),
                result.bestEpoch());
        return Outcome.ok(name + ": " + (resuming ? "resumed and finished" : "finished") + figure
                + String.format(Locale.ROOT, " in %.0f s", wall));
    }

    /** Whether a checkpoint holds every epoch its run planned. */
    private static boolean complete(Path checkpoint) {
        try {
            CheckpointMetadata meta = CheckpointReader.readMetadata(checkpoint);
            return meta.resume().epoch() >= meta.provenance().epochs();
        } catch (IOException e) {
            return false; // unreadable: the run starts again from its last good state or from scratch
        }
    }

    /**
     * A range's values have the type of the file's constant: a float range for an int constant
     * would fail on its first draw, so it is refused here with the fix.
     */
    private void checkRanges(List<SweepGrid.Axis> axes) {
        for (SweepGrid.Axis axis : axes) {
            SweepRange range = axis.range();
            if (range == null || range.integer()) continue;
            try {
                ModelCompiler.compile(file, registry, new ConstantOverrides(Map.of(axis.name(), range.lowest())));
            } catch (CompileException e) {
                if (!compiles(Map.of(axis.name(), "1"))) throw e;
                throw new UserError("--set " + axis.name() + "=" + range + ": '" + axis.name() + "' is an int constant"
                        + " of the file; draw whole numbers with :int (--set " + axis.name() + "=" + range + ":int)");
            }
        }
    }

    private boolean compiles(Map<String, String> settings) {
        try {
            ModelCompiler.compile(file, registry, new ConstantOverrides(settings));
            return true;
        } catch (CompileException e) {
            return false;
        }
    }

    /** Every combination compiles before any run starts: a wrong value is one line now, not N failed runs. */
    private void checkEverySetting(List<SweepRun> runs) {
        for (var settings : runs.stream().map(SweepRun::settings).distinct().toList()) {
            ModelCompiler.compile(file, registry, new ConstantOverrides(settings));
        }
    }

    private List<Long> seedList() {
        if (seeds == null) {
            List<Long> fileSeed = new ArrayList<>();
            fileSeed.add(null);
            return fileSeed;
        }
        return LongStream.rangeClosed(1, Options.positive("--seeds", seeds)).boxed().toList();
    }

    private List<String> trainOptions() {
        List<String> o = new ArrayList<>();
        if (epochs != null) o.addAll(List.of("--epochs", Integer.toString(Options.positive("--epochs", epochs))));
        if (batch != null) o.addAll(List.of("--batch", Integer.toString(Options.positive("--batch", batch))));
        if (trainLimit != null) o.addAll(List.of("--train-limit", Integer.toString(trainLimit)));
        if (testLimit != null) o.addAll(List.of("--test-limit", Integer.toString(testLimit)));
        o.addAll(resumeOptions());
        return o;
    }

    /** What a resumed run needs again: where its data is and what computes. */
    private List<String> resumeOptions() {
        List<String> o = new ArrayList<>();
        if (dataDir != null) o.addAll(List.of("--data-dir", dataDir.toAbsolutePath().toString()));
        if (offline) o.add("--offline");
        if (backend != null) o.addAll(List.of("--backend", backend));
        return o;
    }
}
