package nn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import nn.api.data.Dataset;
import nn.api.graph.Graph;
import nn.api.graph.TrainSettings;
import nn.api.graph.TrainSpec;
import nn.api.network.Network;
import nn.api.registry.Registry;
import nn.api.runtime.Loss;
import nn.api.runtime.Optimizer;
import nn.api.spi.Backend;
import nn.api.train.TrainAssembly;
import nn.api.train.TrainingDiverged;
import nn.api.train.TrainingParts;
import nn.cli.bench.BenchResult;
import nn.cli.bench.BenchSettings;
import nn.cli.bench.HiddenWidth;
import nn.cli.bench.TrainingBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `nn bench FILE...`: trains each model for a fixed number of steps after a warm-up and
 * prints throughput, epoch time, the step split into its phases, inference speed and peak
 * memory. benchmarks/run puts these beside PyTorch's.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time training steps (data, forward, backward, optimizer), inference and memory of .nn models.")
final class BenchCommand implements Callable<Integer> {
    private final Registry registry;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "the .nn files to benchmark")
    List<Path> files;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "200", description = "timed steps per round (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5", description = "timed rounds; figures are medians over them (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "50", description = "untimed steps first (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--inference-batches", paramLabel = "N", defaultValue = "3",
            description = "batches of 1000 test images per timed inference round (default ${DEFAULT-VALUE})")
    int inferenceBatches;

    @Option(names = "--batch", paramLabel = "N", description = "examples per step (default: the file's)")
    Integer batch;

    @Option(names = "--width", paramLabel = "N", description = "units of every hidden dense layer (to see how the cost scales)")
    Integer width;

    @Option(names = "--train-limit", paramLabel = "N", description = "train on the first N examples only")
    Integer trainLimit;

    @Option(names = "--json", description = "print the figures as one JSON object")
    boolean json;

    @Mixin
    DataOptions data;

    @Mixin
    BackendOptions backend;

    @Spec
    CommandSpec spec;

    @Mixin
    SetOptions sets;

    @Inject
    BenchCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Options.positive("--steps", steps);
        Options.positive("--rounds", rounds);
        Options.positive("--inference-batches", inferenceBatches);
        if (warmup < 0) throw new UserError("--warmup must be 0 or more, not " + warmup);
        if (width != null) Options.positive("--width", width);

        List<Graph> graphs = new ArrayList<>();
        for (Path file : files) graphs.add(graph(file));
        TrainSpec first = graphs.get(0).train();
        Backend selected = backend.activate(registry, first.settings().backend(), first.settings().threads());
        Map<String, String> facts = selected.describe();
        if (!json) {
            out.printf("nn bench: backend %s, natives %s, BLAS %s, %s thread(s)%n", selected.name(),
                    facts.getOrDefault("natives", "?"), facts.getOrDefault("blas", "?"), facts.getOrDefault("threads", "?"));
            out.flush();
        }

        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < graphs.size(); i++) {
            BenchResult r = bench(graphs.get(i), files.get(i));
            results.add(r.toMap());
            if (!json) print(out, files.get(i), r);
        }
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("framework", "nn " + Version.nn());
            all.put("backend", selected.name());
            all.put("natives", facts.getOrDefault("natives", "?"));
            all.put("blas", facts.getOrDefault("blas", "?"));
            all.put("threads", Integer.parseInt(facts.getOrDefault("threads", "1")));
            all.put("cpu", facts.getOrDefault("cpu", "?"));
            all.put("results", results);
            out.println(new ObjectMapper().writeValueAsString(all));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The file's model with --width applied and a train section that has data, loss and optimizer. */
    private Graph graph(Path file) {
        Graph g = sets.compile(file, registry).graph();
        TrainSpec t = g.train();
        if (t == null || !t.canTrain()) {
            throw new UserError(file + ": the train section needs data, loss and optimizer to benchmark training");
        }
        if (width == null) return g;
        try {
            return HiddenWidth.apply(g, width);
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": --width: " + e.getMessage());
        }
    }

    private BenchResult bench(Graph graph, Path file) {
        TrainSettings.Builder overridden = graph.train().settings().toBuilder();
        SettingOptions.apply(overridden, "--batch", TrainSettings.BATCH, batch);
        TrainSpec t = graph.train().withSettings(overridden.build());
        graph = graph.withTrain(t);
        int b = t.settings().batch();
        Dataset dataset = data.load(registry, t.data(), trainLimit);
        TrainingParts parts = TrainAssembly.of(graph, registry, file).fresh();
        Network network = parts.network();
        Optimizer optimizer = parts.optimizer();
        Loss loss = parts.loss();
        BenchSettings settings = new BenchSettings(b, warmup, steps, rounds, inferenceBatches, t.settings().seed());
        try {
            return new TrainingBench(network, loss, optimizer, settings)
                    .run(graph.name(), dataset.train(), dataset.test(), dataset.normalization());
        } catch (TrainingDiverged e) {
            throw new RunFailure(file + ": the loss diverged during the benchmark: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    private static void print(PrintWriter out, Path file, BenchResult r) {
        out.printf("%n%s (%s): %,d parameters, batch %d, %d rounds of %d steps%n", r.model(), file, r.parameters(),
                r.batch(), r.rounds(), r.steps());
        out.printf("  samples/s     %,.0f%n", r.samplesPerSecond());
        out.printf("  epoch time    %.2f s (%d steps x median step time)%n", r.epochSeconds(), r.stepsPerEpoch());
        out.printf("  step          %.3f ms: data %.3f, forward+loss %.3f, backward %.3f, optimizer %.3f%n",
                r.stepMs(), r.dataMs(), r.forwardMs(), r.backwardMs(), r.optimizerMs());
        out.printf("  step CPU      %.3f ms (main thread)%n", r.stepCpuMs());
        out.printf("  compute       %.1f GFLOP/s (%.3f GFLOP a step in conv2d and dense; a 1024³ SGEMM: %.1f GFLOP/s)%n",
                r.stepGflops(), r.stepFlops() / 1e9, r.sgemmPeakGflops());
        out.printf("  heap garbage  %,d bytes per step%n", r.heapBytesPerStep());
        out.printf("  inference     %,.0f images/s (batch %d, evaluation mode)%n", r.inferenceImagesPerSecond(),
                BenchSettings.INFERENCE_BATCH);
        out.printf("  peak RSS      %s%n", r.peakRssBytes() < 0 ? "unknown" : String.format("%.0f MB", r.peakRssBytes() / 1048576.0));
        out.printf("  loss          %.4f (mean of the last round)%n", r.lastRoundLoss());
        out.flush();
    }
}
