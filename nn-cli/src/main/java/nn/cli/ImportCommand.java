package nn.cli;

import com.google.inject.Inject;
import nn.api.checkpoint.CheckpointWriter;
import nn.api.data.Normalization;
import nn.api.registry.Registry;
import nn.onnx.OnnxException;
import nn.onnx.OnnxImporter;
import nn.onnx.OnnxReader;
import nn.onnx.proto.Onnx.ModelProto;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * `nn import model.onnx -o model.nn`: the ONNX graph as `.nn` text and its weights as a checkpoint
 * beside it (`model.nnc`, or `--checkpoint`), which eval, predict, serve and train --resume take.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Turn an ONNX model into a .nn file and a checkpoint with its weights.")
final class ImportCommand implements Callable<Integer> {
    private final Registry registry;

    @Parameters(index = "0", paramLabel = "MODEL", description = "an ONNX model (.onnx)")
    Path onnxFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "the .nn file to write")
    Path output;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "the checkpoint to write (default: the .nn file's name with .nnc)")
    Path checkpointFile;

    @Option(names = "--data", paramLabel = "NAME",
            description = "add a train section on this data set (e.g. mnist), so eval, predict and train --resume can run")
    String data;

    @Option(names = "--normalize", paramLabel = "MEAN,STD", split = ",",
            description = "the input's normalisation (pixel/255 - MEAN)/STD (default: the file's nn metadata, else none)")
    List<Double> normalize;

    @Option(names = "--name", paramLabel = "NAME", description = "the model's name (default: from the .nn file's name)")
    String name;

    @Mixin
    BackendOptions backend;

    @Spec
    CommandSpec spec;

    @Inject
    ImportCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        if (data != null && !registry.datasets().containsKey(data)) {
            throw new UserError("--data " + data + ": no such data set (known: " + String.join(", ", registry.datasets().keySet()) + ")");
        }
        Normalization normalization = normalization();
        Path checkpoint = checkpointFile != null ? checkpointFile : output.resolveSibling(stem(output) + ".nnc");
        String model = name != null ? name : stem(output).replaceAll("[^A-Za-z0-9_]", "_").replaceAll("^([0-9])", "m$1");
        OnnxImporter.Imported imported;
        try {
            ModelProto proto = OnnxReader.read(onnxFile); // a file that is no model fails before any native code loads
            backend.activate(registry, null, 1);
            imported = OnnxImporter.convert(onnxFile.toString(), proto, new OnnxImporter.Options(model, data, normalization), registry);
        } catch (NoSuchFileException e) {
            throw new UserError(onnxFile + ": no such file");
        } catch (OnnxException e) {
            throw new UserError(e.getMessage());
        }
        Path dir = output.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Files.writeString(output, imported.source());
        CheckpointWriter.write(checkpoint, imported.checkpoint());
        spec.commandLine().getOut().printf("wrote %s (%d nodes) and %s (%,d parameters) (%.2f s)%n", output,
                imported.checkpoint().graph().nodes().size(), checkpoint, imported.checkpoint().params().length(),
                (System.nanoTime() - start) / 1e9);
        if (data == null) {
            spec.commandLine().getOut().println("no train section: add --data NAME to evaluate, predict or fine-tune it");
        }
        return ExitCodes.OK;
    }

    private Normalization normalization() {
        if (normalize == null) return null;
        if (normalize.size() != 2) throw new UserError("--normalize: expected MEAN,STD, got " + normalize);
        try {
            return new Normalization(normalize.get(0), normalize.get(1));
        } catch (IllegalArgumentException e) {
            throw new UserError("--normalize: " + e.getMessage());
        }
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
