package nn.cli;

import nn.api.checkpoint.Checkpoint;
import nn.api.checkpoint.CheckpointReader;

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
}
