package nn.api.train;

import nn.api.checkpoint.Checkpoint;
import nn.api.checkpoint.CheckpointWriter;
import nn.api.graph.Graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the checkpoint after every epoch (atomically, replacing the previous one) and, with a
 * validation split, `best.nnc` beside it whenever the validation loss is the lowest so far.
 */
public final class CheckpointEveryEpoch implements TrainingListener {
    private final Path file;
    private final String source;
    private final Graph graph;
    private final Map<String, Object> fixedMeta;

    /** @param fixedMeta facts that do not change between epochs: versions, backend, data checksums */
    public CheckpointEveryEpoch(Path file, String source, Graph graph, Map<String, Object> fixedMeta) {
        this.file = file;
        this.source = source;
        this.graph = graph;
        this.fixedMeta = fixedMeta;
    }

    /** `best.nnc` beside the checkpoint. */
    public Path bestFile() {
        return file.resolveSibling("best.nnc");
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, Trainer trainer) {
        Map<String, Object> meta = new LinkedHashMap<>(fixedMeta);
        meta.put("epoch", metrics.epoch());
        meta.put("metrics", metrics);
        meta.put("time", Instant.now().toString());
        if (metrics.best() != null) { // early-stopping bookkeeping, so a resumed run stops where this one would
            meta.put("best_validation_loss", trainer.bestValidationLoss());
            meta.put("epochs_without_improvement", trainer.epochsWithoutImprovement());
        }
        Checkpoint checkpoint = new Checkpoint(source, graph, trainer.network().params(),
                trainer.optimizer().state(), trainer.network().layerState(), meta);
        try {
            CheckpointWriter.write(file, checkpoint);
            if (Boolean.TRUE.equals(metrics.best())) CheckpointWriter.write(bestFile(), checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
