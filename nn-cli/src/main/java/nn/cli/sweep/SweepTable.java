package nn.cli.sweep;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sweep's result: one row per run (its settings and seed, status, epochs, final and best
 * test accuracy — R² for regression —, median epoch time, wall time), and when runs repeat a
 * setting over seeds, one row per setting with the mean and spread (min–max) of the final figure.
 * Written as Markdown (`sweep.md`, also printed) and CSV (`sweep.csv`, the per-run rows).
 */
public final class SweepTable {
    private final List<String> names;
    private final List<RunResult> results;

    public SweepTable(List<String> settingNames, List<RunResult> results) {
        this.names = List.copyOf(settingNames);
        this.results = List.copyOf(results);
    }

    private boolean regression() {
        return results.stream().anyMatch(RunResult::regression);
    }

    private String metricName() {
        return regression() ? "R²" : "accuracy %";
    }

    private String figure(Double v) {
        if (v == null) return "";
        return regression() ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.2f", 100 * v);
    }

    private static String seconds(Double s) {
        return s == null ? "" : String.format(Locale.ROOT, "%.1f", s);
    }

    private List<String> header() {
        List<String> h = new ArrayList<>(names);
        h.addAll(List.of("seed", "status", "epochs", "final " + metricName(), "best " + metricName(), "best epoch",
                "epoch s (median)", "wall s"));
        return h;
    }

    private List<String> row(RunResult r) {
        List<String> row = new ArrayList<>();
        for (String n : names) row.add(r.run().settings().getOrDefault(n, ""));
        row.add(r.run().seed() == null ? "file" : r.run().seed().toString());
        row.add(r.status());
        row.add(Integer.toString(r.epochs().size()));
        row.add(figure(r.last()));
        row.add(figure(r.best()));
        row.add(r.bestEpoch() == null ? "" : r.bestEpoch().toString());
        row.add(seconds(r.medianEpochSeconds()));
        row.add(seconds(r.wallSeconds()));
        return row;
    }

    /** Per setting over its seeds: runs with a final figure, their mean, min and max. */
    private Map<Map<String, String>, List<Double>> bySetting() {
        Map<Map<String, String>, List<Double>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            List<Double> finals = groups.computeIfAbsent(r.run().settings(), k -> new ArrayList<>());
            if (r.last() != null) finals.add(r.last());
        }
        return groups;
    }

    private boolean seedsRepeat() {
        return results.stream().map(r -> r.run().settings()).distinct().count() < results.size();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        markdownTable(out, header(), results.stream().map(this::row).toList());
        if (seedsRepeat()) {
            List<String> h = new ArrayList<>(names);
            h.addAll(List.of("runs", "mean final " + metricName(), "min", "max", "spread"));
            List<List<String>> rows = new ArrayList<>();
            bySetting().forEach((settings, finals) -> {
                List<String> row = new ArrayList<>();
                for (String n : names) row.add(settings.getOrDefault(n, ""));
                row.add(Integer.toString(finals.size()));
                double mean = finals.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                double min = finals.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
                double max = finals.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
                boolean any = !finals.isEmpty();
                row.add(any ? figure(mean) : "");
                row.add(any ? figure(min) : "");
                row.add(any ? figure(max) : "");
                row.add(any ? figure(max - min) : "");
                rows.add(row);
            });
            out.append('\n');
            markdownTable(out, h, rows);
        }
        return out.toString();
    }

    private static void markdownTable(StringBuilder out, List<String> header, List<List<String>> rows) {
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|").append(" --- |".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList())).append(" |\n");
        }
    }

    /** sweep.md and sweep.csv into the sweep's directory. */
    public void write(Path dir) throws IOException {
        Files.writeString(dir.resolve("sweep.md"), markdown(), StandardCharsets.UTF_8);
        try (Writer w = Files.newBufferedWriter(dir.resolve("sweep.csv"), StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header().toArray(String[]::new)).get())) {
            for (RunResult r : results) csv.printRecord(row(r));
        }
    }
}
