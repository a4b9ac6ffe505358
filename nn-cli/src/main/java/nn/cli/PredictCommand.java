package nn.cli;

import com.google.inject.Inject;
import nn.api.checkpoint.Checkpoint;
import nn.api.data.Dataset;
import nn.api.inference.Model;
import nn.api.inference.Prediction;
import nn.api.inference.Preprocessing;
import nn.api.network.Network;
import nn.api.registry.Registry;
import nn.api.train.TrainAssembly;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * `nn predict CKPT IMAGE...`: the class of each picture and the probability of every class;
 * `nn predict CKPT rows.csv [-o out.csv]` for a model trained on a table.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Classify images (PNG, JPEG; any size: converted to the model's grey input) with a checkpoint,",
                "or predict every row of a CSV file (a model trained on csv(...)): -o writes the predictions as CSV."})
final class PredictCommand implements Callable<Integer> {
    private final Registry registry;

    @Parameters(index = "0", paramLabel = "CKPT", description = "a checkpoint written by nn train (model.nnc)")
    Path checkpointFile;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "IMAGE", description = "image files, or one CSV file of rows")
    List<Path> images = List.of();

    @Option(names = "--grid", paramLabel = "N",
            description = "instead of IMAGEs: predict the first N test images and draw them titled P:predicted T:true")
    Integer grid;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "the grid's PNG (default: predictions.png); for rows, the CSV of predictions (default: standard output)")
    Path output;

    @Mixin
    DataOptions data;

    @Mixin
    BackendOptions backend;

    @Spec
    CommandSpec spec;

    @Inject
    PredictCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws java.io.IOException {
        if (grid != null) return grid();
        if (images.isEmpty()) throw new UserError("what to predict? give IMAGE files, or --grid N for test images");
        Checkpoint checkpoint = Checkpoints.readForInference(checkpointFile);
        if (checkpoint.metadata().signature().isTable()) return rows(checkpoint);
        if (output != null) throw new UserError("-o names the grid's file (with --grid N) or a table model's CSV of predictions");
        Preprocessing preprocessing = new Preprocessing(checkpoint.graph().inputs().get(0).shape(),
                checkpoint.metadata().signature());
        List<byte[]> pictures = images.stream().map(f -> ImageInput.read(f, preprocessing)).toList(); // all readable first
        var train = checkpoint.graph().train();
        backend.activate(registry, train == null ? null : train.settings().backend(), train == null ? 0 : train.settings().threads());
        Model model = Checkpoints.model(checkpointFile, checkpoint, registry);
        List<Prediction> predictions = model.predictInputs(pictures.stream().map(preprocessing::modelInput).toList());

        PrintWriter out = spec.commandLine().getOut();
        List<String> names = model.classNames();
        for (int i = 0; i < pictures.size(); i++) {
            Prediction.Classification p = (Prediction.Classification) predictions.get(i);
            out.printf("%s: %s (%.1f %%)%n", images.get(i), p.className(), 100 * p.probability());
            StringBuilder all = new StringBuilder("  ");
            for (int c = 0; c < names.size(); c++) all.append(String.format("%s %.3f  ", names.get(c), p.probabilities()[c]));
            out.println(all.toString().stripTrailing());
        }
        return ExitCodes.OK;
    }

    /** A table model: one CSV file of rows in, one row of predictions out per row. */
    private int rows(Checkpoint checkpoint) throws java.io.IOException {
        if (images.size() != 1) throw new UserError("a model trained on a table predicts the rows of one CSV file: give one");
        var train = checkpoint.graph().train();
        backend.activate(registry, train == null ? null : train.settings().backend(), train == null ? 0 : train.settings().threads());
        Network network = Checkpoints.network(checkpointFile, checkpoint, registry);
        nn.api.runtime.Loss loss = train == null || !train.canTrain() ? new nn.stdlib.loss.MeanSquaredError()
                : TrainAssembly.of(checkpoint.graph(), registry, checkpointFile).loss();
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            TablePrediction.write(checkpoint, network, loss, images.get(0), out);
            out.flush();
        } else {
            try (var writer = java.nio.file.Files.newBufferedWriter(output, java.nio.charset.StandardCharsets.UTF_8)) {
                TablePrediction.write(checkpoint, network, loss, images.get(0), writer);
            }
            spec.commandLine().getOut().println("wrote " + output);
        }
        return ExitCodes.OK;
    }

    /** --grid N: the first N test images of the checkpoint's data set, predicted and drawn. */
    private int grid() throws java.io.IOException {
        if (!images.isEmpty()) throw new UserError("give either IMAGE files or --grid N, not both");
        Options.positive("--grid", grid);
        RestoredRun run = RestoredRun.load(checkpointFile, registry, data, backend, "to take test images from");
        Dataset dataset = run.dataset();
        Network network = run.network();
        Path file = output != null ? output : Path.of("predictions.png");
        if (!dataset.isImages()) {
            throw new UserError("--grid draws test images, but " + dataset.name() + " is a table: give a CSV of rows instead");
        }
        nn.api.data.ImageSet test = dataset.testImages(grid);
        int n = Math.min(grid, test.count());
        int wrong = PredictionGrid.write(network, test, dataset.normalization(), dataset.classNames(), n, file);
        spec.commandLine().getOut().printf("wrote %s: the first %d test images, %d predicted wrong (in red)%n", file, n, wrong);
        return ExitCodes.OK;
    }
}
