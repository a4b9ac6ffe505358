package nn.cli.sweep;

import com.fasterxml.jackson.annotation.JsonProperty;
import nn.api.graph.GraphJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * What the sweep knows of a run once its train process has ended, kept as `sweep-run.json` in the
 * run's directory: a finished run is skipped when the sweep starts again. A run without this file
 * was interrupted (it resumes from its checkpoint) or never started.
 */
public record RunRecord(
        @JsonProperty("settings") Map<String, String> settings,
        @JsonProperty("seed") Long seed,
        @JsonProperty("status") String status,
        @JsonProperty("exit_code") int exitCode,
        @JsonProperty("wall_seconds") double wallSeconds) {

    public static final String FILE = "sweep-run.json";
    public static final String FINISHED = "finished";
    public static final String FAILED = "failed";

    public boolean finished() {
        return FINISHED.equals(status);
    }

    /** The record in a run directory, or null when there is none (or it cannot be read: the run is redone). */
    public static RunRecord read(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) return null;
        try {
            return GraphJson.MAPPER.readValue(file.toFile(), RunRecord.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** Written atomically: a sweep killed meanwhile leaves either no record or a whole one. */
    public void write(Path runDir) throws IOException {
        Path tmp = runDir.resolve(FILE + ".tmp");
        GraphJson.MAPPER.writeValue(tmp.toFile(), this);
        Files.move(tmp, runDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
