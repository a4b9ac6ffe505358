package nn.api.train;

import nn.api.graph.GraphJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends one JSON object per epoch to `metrics.jsonl`, flushed at once so a crash keeps every finished epoch. */
public final class MetricsFile implements TrainingListener {
    private final Path file;

    public MetricsFile(Path file) {
        this.file = file;
    }

    /**
     * Prepares the file for a run that starts at `firstEpoch`: lines of earlier epochs stay
     * (a resumed run continues its history), later ones go (they are about to be redone).
     */
    public static void keepEpochsBefore(Path file, int firstEpoch) {
        try {
            if (!Files.exists(file)) return;
            StringBuilder kept = new StringBuilder();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                int epoch;
                try {
                    epoch = GraphJson.MAPPER.readTree(line).path("epoch").asInt(Integer.MAX_VALUE);
                } catch (com.fasterxml.jackson.core.JsonProcessingException torn) {
                    continue; // the process was killed while writing this line: its epoch is redone
                }
                if (epoch < firstEpoch) kept.append(line).append('\n');
            }
            // Replaced atomically: a kill now must not lose the history of the epochs kept.
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
            Files.writeString(temp, kept.toString(), StandardCharsets.UTF_8);
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, Trainer trainer) {
        try {
            String line = GraphJson.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(metrics) + "\n";
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
