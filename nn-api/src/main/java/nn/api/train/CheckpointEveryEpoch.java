package nn.api.train;

import nn.api.checkpoint.Checkpoint;
import nn.api.checkpoint.CheckpointMetadata;
import nn.api.checkpoint.CheckpointWriter;
import nn.api.checkpoint.ModelSignature;
import nn.api.checkpoint.Provenance;
import nn.api.checkpoint.ResumeState;
import nn.api.graph.Graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes the checkpoint after every epoch (atomically, replacing the previous one) and, with a
 * validation split, `best.nnc` beside it whenever the validation loss is the lowest so far.
 */
public final class CheckpointEveryEpoch implements TrainingListener {
    private final Path file;
    private final String source;
    private final Graph graph;
    private final Provenance provenance;
    private final ModelSignature signature;

    /** @param provenance and signature: what does not change between epochs */
    public CheckpointEveryEpoch(Path file, String source, Graph graph, Provenance provenance, ModelSignature signature) {
        this.file = file;
        this.source = source;
        this.graph = graph;
        this.provenance = provenance;
        this.signature = signature;
    }

    /** `best.nnc` beside the checkpoint. */
    public Path bestFile() {
        return file.resolveSibling("best.nnc");
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, Trainer trainer) {
        boolean validating = metrics.best() != null; // early stopping's bookkeeping exists only with validation
        ResumeState resume = new ResumeState(metrics.epoch(), Instant.now().toString(), metrics,
                validating ? trainer.bestValidationLoss() : null, validating ? trainer.epochsWithoutImprovement() : null);
        Checkpoint checkpoint = new Checkpoint(source, graph, trainer.network().params(),
                trainer.optimizer().state(), trainer.network().layerState(),
                new CheckpointMetadata(provenance, signature, resume));
        try {
            CheckpointWriter.write(file, checkpoint);
            if (Boolean.TRUE.equals(metrics.best())) CheckpointWriter.write(bestFile(), checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
