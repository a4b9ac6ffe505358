package nn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import nn.api.graph.GraphJson;
import nn.cli.plot.HistoryChart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a run's `metrics.jsonl` (written by nn train) into the series a history chart draws. */
final class RunHistory {
    static final String METRICS = "metrics.jsonl";

    private RunHistory() {
    }

    /** A run directory, or its metrics.jsonl named directly; the run is named after its directory. */
    static HistoryChart.Run read(Path run) {
        Path file = Files.isDirectory(run) ? run.resolve(METRICS) : run;
        if (!Files.isRegularFile(file)) {
            throw new UserError(run + ": no " + METRICS + " here; give a run directory written by nn train");
        }
        List<double[]> rows = new ArrayList<>();
        Boolean regression = null;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                JsonNode epoch = GraphJson.MAPPER.readTree(line);
                // A classifier records test_accuracy, a regression model test_r2: one of them per run.
                String metric = epoch.has("test_accuracy") ? "test_accuracy" : epoch.has("test_r2") ? "test_r2" : null;
                if (!epoch.has("epoch") || !epoch.has("train_loss") || metric == null
                        || (regression != null && regression != metric.equals("test_r2"))) {
                    throw new UserError(file + ": a line without epoch, train_loss and test_accuracy (or test_r2): " + line);
                }
                regression = metric.equals("test_r2");
                rows.add(new double[]{epoch.get("epoch").asDouble(), epoch.get("train_loss").asDouble(),
                        epoch.get(metric).asDouble()});
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserError(file + ": not a metrics file: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RunFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) throw new UserError(file + ": no epoch recorded yet");
        double[] epochs = new double[rows.size()], loss = new double[rows.size()], accuracy = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            epochs[i] = rows.get(i)[0];
            loss[i] = rows.get(i)[1];
            accuracy[i] = rows.get(i)[2];
        }
        Path dir = file.toAbsolutePath().getParent();
        String name = dir == null || dir.getFileName() == null ? file.toString() : dir.getFileName().toString();
        return new HistoryChart.Run(name, epochs, loss, accuracy, regression);
    }
}
