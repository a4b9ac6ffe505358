package nn.cli;

import com.google.inject.Inject;
import nn.api.checkpoint.Checkpoint;
import nn.api.checkpoint.CheckpointRestore;
import nn.api.network.Network;
import nn.api.registry.Registry;
import nn.onnx.OnnxException;
import nn.onnx.OnnxExporter;
import nn.onnx.OnnxFormat;
import nn.onnx.proto.Onnx.ModelProto;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** `nn export CKPT -o model.onnx`: the trained network as an ONNX model (docs/onnx.md). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a checkpoint's network as an ONNX model (opset " + OnnxFormat.OPSET + ").")
final class ExportCommand implements Callable<Integer> {
    private final Registry registry;

    @Parameters(index = "0", paramLabel = "CKPT", description = "a checkpoint (model.nnc)")
    Path checkpointFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "the ONNX file to write")
    Path output;

    @Mixin
    BackendOptions backend;

    @Spec
    CommandSpec spec;

    @Inject
    ExportCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        Checkpoint checkpoint = Checkpoints.read(checkpointFile);
        backend.activate(registry, null, 1);
        Network network;
        ModelProto model;
        try {
            network = CheckpointRestore.network(checkpoint, registry);
            model = OnnxExporter.export(network, checkpoint.metadata().signature());
        } catch (OnnxException | IllegalArgumentException e) {
            throw new UserError(checkpointFile + ": " + e.getMessage());
        }
        Path dir = output.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(output)) {
            model.writeTo(out);
        }
        spec.commandLine().getOut().printf("wrote %s: %s, %d ONNX nodes, %,d parameters, %,d bytes, opset %d (%.2f s)%n",
                output, checkpoint.graph().name(), model.getGraph().getNodeCount(), network.parameterCount(),
                Files.size(output), OnnxFormat.OPSET, (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }
}
