package nn.cli;

import nn.api.network.ModelSummary;

import java.util.List;

/** The Keras-like table of `nn check`: node, operation, output shape, parameters, and the total. */
final class LayerTable {
    private LayerTable() {
    }

    static String format(List<ModelSummary.Row> rows) {
        int nameW = "node".length(), opW = "op".length(), shapeW = "output".length();
        for (ModelSummary.Row r : rows) {
            nameW = Math.max(nameW, r.name().length());
            opW = Math.max(opW, r.op().length());
            shapeW = Math.max(shapeW, r.shape().toString().length());
        }
        String fmt = "  %-" + nameW + "s  %-" + opW + "s  %-" + shapeW + "s  %,12d%n";
        StringBuilder s = new StringBuilder();
        s.append(String.format("  %-" + nameW + "s  %-" + opW + "s  %-" + shapeW + "s  %12s%n", "node", "op", "output", "params"));
        for (ModelSummary.Row r : rows) s.append(String.format(fmt, r.name(), r.op(), r.shape(), r.parameters()));
        s.append(String.format("  total parameters: %,d%n", ModelSummary.total(rows)));
        return s.toString();
    }
}
