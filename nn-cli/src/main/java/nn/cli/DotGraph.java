package nn.cli;

import nn.api.graph.Graph;
import nn.api.graph.GraphInput;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.dsl.Compiled;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A compiled model as Graphviz DOT text: inputs as ellipses, nodes as boxes with their
 * operation and output shape, outputs drawn doubled, an edge per input read, and each block
 * use as a dashed cluster (nested uses nested) labelled with its name and block.
 */
final class DotGraph {
    private DotGraph() {
    }

    static String of(Compiled compiled) {
        Graph graph = compiled.graph();
        StringBuilder s = new StringBuilder();
        s.append("digraph ").append(quote(graph.name())).append(" {\n");
        s.append("  rankdir=TB;\n");
        s.append("  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n");
        s.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        for (GraphInput in : graph.inputs()) {
            s.append("  ").append(quote(in.name())).append(" [shape=ellipse, label=")
                    .append(quote(in.name() + "\\ninput " + in.shape())).append("];\n");
        }
        List<String> clusters = new ArrayList<>(compiled.blocks().keySet());
        clusters.sort(Comparator.naturalOrder());
        List<Node> loose = new ArrayList<>(graph.nodes());
        for (String path : clusters) {
            if (path.contains(".") && clusters.contains(parent(path))) continue; // drawn inside its parent
            cluster(path, compiled, clusters, loose, s, "  ");
        }
        for (Node n : loose) node(n, compiled, s, "  ");
        for (Node n : graph.nodes()) {
            for (String in : n.inputs()) {
                s.append("  ").append(quote(in)).append(" -> ").append(quote(n.name())).append(";\n");
            }
        }
        s.append("}\n");
        return s.toString();
    }

    private static void cluster(String path, Compiled compiled, List<String> clusters, List<Node> loose,
                                StringBuilder s, String indent) {
        s.append(indent).append("subgraph ").append(quote("cluster_" + path)).append(" {\n");
        s.append(indent).append("  label=").append(quote(path + ": " + compiled.blocks().get(path)))
                .append("; style=dashed; fontname=\"Helvetica\"; fontsize=10;\n");
        for (String inner : clusters) {
            if (parent(inner).equals(path) && inner.contains(".")) cluster(inner, compiled, clusters, loose, s, indent + "  ");
        }
        for (Node n : List.copyOf(loose)) {
            if (n.name().startsWith(path + ".") && parent(n.name()).equals(path)) {
                node(n, compiled, s, indent + "  ");
                loose.remove(n);
            }
        }
        s.append(indent).append("}\n");
    }

    private static void node(Node n, Compiled compiled, StringBuilder s, String indent) {
        Shape shape = compiled.shapes().get(n.name());
        String label = n.name() + "\\n" + n.op() + (shape != null ? " " + shape : "");
        boolean output = compiled.graph().outputs().contains(n.name());
        s.append(indent).append(quote(n.name())).append(" [label=").append(quote(label))
                .append(output ? ", peripheries=2" : "").append("];\n");
    }

    private static String parent(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    /** A DOT string. Names are identifiers and dots; a `\n` in a label is DOT's line break. */
    static String quote(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
