package nn.cli;

import nn.api.checkpoint.Checkpoint;
import nn.api.checkpoint.CheckpointRestore;
import nn.api.inference.Model;
import nn.api.network.Network;
import nn.api.registry.Registry;
import nn.api.checkpoint.CheckpointReader;
import nn.api.checkpoint.CheckpointRestore;
import nn.api.graph.Node;
import nn.api.inference.Model;
import nn.api.network.Network;
import nn.api.registry.Registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a checkpoint named on the command line, turning every failure into one line for the user. */
final class Checkpoints {
    private Checkpoints() {
    }

    static Checkpoint read(Path file) {
        return read(file, false);
    }

    /** Without the optimizer's state: what serving and predicting need. */
    static Checkpoint readForInference(Path file) {
        return read(file, true);
    }

    private static Checkpoint read(Path file, boolean inferenceOnly) {
        if (!Files.isRegularFile(file)) throw new UserError(file + ": no such checkpoint file");
        try {
            return inferenceOnly ? CheckpointReader.readForInference(file) : CheckpointReader.read(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such checkpoint file");
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UserError(m.startsWith(file.toString()) ? m : file + ": cannot read checkpoint: " + m);
        }
    }

    /**
     * The trained network a checkpoint holds. An operation the registry lacks (a plugin not
     * loaded), or a graph that does not fit its parameters or the providers' schemas, is a
     * problem with what the user gave, so it is a UserError naming the file.
     */
    static Network network(Path file, Checkpoint checkpoint, Registry registry) {
        return restored(file, checkpoint, registry, () -> CheckpointRestore.network(checkpoint, registry));
    }

    /** The checkpoint as a model for predictions, with the same checks as {@link #network}. */
    static Model model(Path file, Checkpoint checkpoint, Registry registry) {
        return restored(file, checkpoint, registry, () -> Model.of(checkpoint, registry, Model.Options.DEFAULTS));
    }

    private static <T> T restored(Path file, Checkpoint checkpoint, Registry registry, java.util.function.Supplier<T> restore) {
        requireOperations(file, checkpoint, registry);
        try {
            return restore.get();
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    /** Every operation of the checkpoint's model is installed; else which is not, with the likely reason. */
    static void requireOperations(Path file, Checkpoint checkpoint, Registry registry) {
        for (Node node : checkpoint.graph().nodes()) {
            if (registry.operation(node.op()) == null) {
                throw new UserError(file + ": node '" + node.name() + "' uses unknown operation '" + node.op()
                        + "' (from a plugin? load it with --plugins DIR)");
            }
        }
    }
}
