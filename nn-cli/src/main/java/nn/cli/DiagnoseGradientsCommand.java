package nn.cli;

import com.google.inject.Inject;
import nn.api.data.Dataset;
import nn.api.graph.Call;
import nn.api.graph.Graph;
import nn.api.graph.TrainSpec;
import nn.api.network.Network;
import nn.api.registry.Registry;
import nn.api.runtime.Loss;
import nn.api.train.TrainAssembly;
import nn.cli.plot.GradientChart;
import nn.cli.plot.PngFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `nn diagnose gradients FILE... [-o out.png]`: one training step of each model (its file's
 * data, loss, batch and seed) and the gradient norm of every layer's weights, as a table and a
 * chart on a log scale; several files are drawn side by side (vanishing-sigmoid.nn beside
 * vanishing-relu.nn shows the vanishing gradient).
 */
@Command(name = "gradients", mixinStandardHelpOptions = true,
        description = "Gradient norm per layer after one training step, as a table and a PNG (several files compared).")
final class DiagnoseGradientsCommand implements Callable<Integer> {
    private final Registry registry;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = ".nn files with a train section")
    List<Path> files;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "gradients.png",
            description = "the PNG to write (default: ${DEFAULT-VALUE})")
    Path output;

    @Mixin
    DataOptions data;

    @Mixin
    BackendOptions backend;

    @Spec
    CommandSpec spec;

    @Mixin
    SetOptions sets;

    @Inject
    DiagnoseGradientsCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws IOException {
        List<Graph> graphs = new ArrayList<>();
        for (Path file : files) graphs.add(checked(file)); // every file compiles before any work
        TrainSpec first = graphs.get(0).train();
        backend.activate(registry, first.settings().backend(), first.settings().threads());

        PrintWriter out = spec.commandLine().getOut();
        List<GradientChart.Series> series = new ArrayList<>();
        Map<Call, Dataset> loaded = new HashMap<>(); // networks compared on the same data read it once
        for (int i = 0; i < graphs.size(); i++) {
            Graph graph = graphs.get(i);
            TrainSpec train = graph.train();
            Dataset dataset = loaded.computeIfAbsent(train.data(), call -> data.load(registry, call, null));
            TrainAssembly assembly = TrainAssembly.of(graph, registry, files.get(i));
            Network network = assembly.network();
            Loss loss = assembly.loss();
            GradientNorms.Result result = GradientNorms.ofFirstBatch(network, loss, dataset, train.settings().batch());
            print(out, files.get(i), graph.name(), result);
            double[] norms = result.layers().stream().mapToDouble(GradientNorms.LayerNorm::weightNorm).toArray();
            series.add(new GradientChart.Series(graph.name(), norms));
        }
        String title = "gradient norm per layer after one step";
        PngFile.write(GradientChart.of(title, series), output);
        out.println("wrote " + output);
        return ExitCodes.OK;
    }

    private Graph checked(Path file) {
        Graph graph = sets.compile(file, registry).graph();
        TrainSpec t = graph.train();
        if (t == null || t.data() == null || t.loss() == null) {
            throw new UserError(file + ": needs a train section with data and loss to take a training step");
        }
        return graph;
    }

    private static void print(PrintWriter out, Path file, String model, GradientNorms.Result r) {
        out.printf("%s (%s): one step on %d training examples, loss %.4f%n", file, model, r.examples(), r.loss());
        int width = 5;
        for (GradientNorms.LayerNorm l : r.layers()) width = Math.max(width, l.node().length());
        out.printf("  %-" + width + "s  %-8s  %10s  %14s%n", "layer", "op", "parameters", "|dL/dW|");
        for (GradientNorms.LayerNorm l : r.layers()) {
            out.printf("  %-" + width + "s  %-8s  %,10d  %14.4e%n", l.node(), l.op(), l.parameters(), l.weightNorm());
        }
        List<GradientNorms.LayerNorm> layers = r.layers();
        if (layers.size() > 1 && layers.get(layers.size() - 1).weightNorm() > 0) {
            out.printf("  first layer / last layer: %.3g%n",
                    layers.get(0).weightNorm() / layers.get(layers.size() - 1).weightNorm());
        }
        out.println();
        out.flush();
    }
}
