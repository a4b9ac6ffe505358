package nn.cli;

import nn.api.graph.Graph;
import nn.api.network.ModelSummary;

import java.util.ArrayList;
import java.util.List;

/** The table of `nn summary`: one row per input and node, rules above and below, totals at the bottom. */
final class SummaryTable {
    private static final String[] HEADERS = {"node", "operation", "output shape", "params", "inputs"};

    private SummaryTable() {
    }

    static String format(Graph graph, List<ModelSummary.Row> rows) {
        List<String[]> cells = new ArrayList<>();
        for (ModelSummary.Row r : rows) {
            String shape = r.shape() == null ? "?" : r.shape().toString();
            cells.add(new String[]{r.name(), r.op(), shape, String.format("%,d", r.parameters()),
                    String.join(", ", r.inputs())});
        }
        int[] width = new int[HEADERS.length];
        for (int i = 0; i < HEADERS.length; i++) width[i] = HEADERS[i].length();
        for (String[] row : cells) for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], row[i].length());

        StringBuilder s = new StringBuilder();
        s.append("model ").append(graph.name()).append('\n');
        String header = line(HEADERS, width);
        String rule = "-".repeat(header.length());
        s.append(rule).append('\n').append(header).append('\n').append(rule.replace('-', '=')).append('\n');
        for (String[] row : cells) s.append(line(row, width)).append('\n');
        s.append(rule).append('\n');
        long total = ModelSummary.total(rows);
        s.append(String.format("total parameters: %,d (%s)%n", total, bytes(nn.api.graph.TensorSize.multiply(total, Float.BYTES))));
        s.append(String.format("inputs: %d, nodes: %d, outputs: %s%n", graph.inputs().size(), graph.nodes().size(),
                String.join(", ", graph.outputs())));
        return s.toString();
    }

    /** Name, operation, shape and inputs left-aligned; the parameter count right-aligned. */
    private static String line(String[] row, int[] width) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) s.append("  ");
            String fmt = i == 3 ? "%" + width[i] + "s" : "%-" + width[i] + "s";
            s.append(String.format(fmt, row[i]));
        }
        return s.toString().stripTrailing();
    }

    private static String bytes(long n) {
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format("%.1f KiB", n / 1024.0);
        return String.format("%.1f MiB", n / (1024.0 * 1024.0));
    }
}
