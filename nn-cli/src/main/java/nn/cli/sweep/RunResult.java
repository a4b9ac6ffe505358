package nn.cli.sweep;

import nn.api.graph.GraphJson;
import nn.api.train.EpochMetrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One run's figures from its `metrics.jsonl`: test accuracy per epoch (test R² for a regression
 * model), the final and the best, and the median epoch time (the median, because other work on
 * the machine makes single epochs slow).
 */
public record RunResult(SweepRun run, String status, List<EpochMetrics> epochs, Double wallSeconds) {

    public static final String METRICS = "metrics.jsonl";

    public RunResult {
        epochs = List.copyOf(epochs);
    }

    /** Reads a run directory; a run that wrote no epoch yet has none. */
    public static RunResult read(SweepRun run, Path runDir) throws IOException {
        RunRecord record = RunRecord.read(runDir);
        List<EpochMetrics> epochs = new ArrayList<>();
        Path file = runDir.resolve(METRICS);
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) epochs.add(GraphJson.MAPPER.readValue(line, EpochMetrics.class));
            }
        }
        String status = record != null ? record.status() : epochs.isEmpty() ? "not run" : "interrupted";
        return new RunResult(run, status, epochs, record != null ? record.wallSeconds() : null);
    }

    public boolean regression() {
        return !epochs.isEmpty() && epochs.get(0).testAccuracy() == null && epochs.get(0).testR2() != null;
    }

    /** Test accuracy (0..1), or R² for a regression model, of every epoch. */
    public double[] metric() {
        return epochs.stream().mapToDouble(e -> regression() ? e.testR2() : e.testAccuracy()).toArray();
    }

    public Double last() {
        double[] m = metric();
        return m.length == 0 ? null : m[m.length - 1];
    }

    public Double best() {
        return Arrays.stream(metric()).max().stream().boxed().findFirst().orElse(null);
    }

    /** The 1-based epoch of the best figure (the first, on a tie). */
    public Integer bestEpoch() {
        double[] m = metric();
        if (m.length == 0) return null;
        int best = 0;
        for (int i = 1; i < m.length; i++) if (m[i] > m[best]) best = i;
        return epochs.get(best).epoch();
    }

    public Double medianEpochSeconds() {
        double[] s = epochs.stream().mapToDouble(EpochMetrics::epochSeconds).sorted().toArray();
        if (s.length == 0) return null;
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
