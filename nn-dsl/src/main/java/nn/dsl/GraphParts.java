package nn.dsl;

import nn.api.graph.GraphInput;
import nn.api.graph.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph under construction: inputs and nodes in definition order (which is topological),
 * where each was written and through which block uses, the nodes fit for shape inference,
 * and the block uses (the path their nodes' names start with, to the block's name). Refuses to grow past {@link #MAX_NODES}
 * nodes, and to take more than {@link #MAX_STEPS} steps building them: nested repeats multiply, and a repeated
 * body that makes no node (a bare name, a failing block use) would otherwise loop for hours under the node limit.
 */
final class GraphParts {
    static final int MAX_NODES = 10_000;
    /**
     * The work budget of building, in steps: a statement or repeat round costs one, a call as
     * many as its tokens (binding its arguments takes that long), a block use as many as the
     * block's tokens and the constants its scope copies. A step costs well under a microsecond;
     * a real model takes a few tens of thousands.
     */
    static final long MAX_STEPS = 1_000_000;

    /** Where a node or input was written, and the block uses that led there (innermost first). */
    record Origin(Source.Span at, List<Reporter.Frame> context) {
    }

    final List<GraphInput> inputs = new ArrayList<>();
    final List<Node> nodes = new ArrayList<>();
    final Map<String, Origin> origins = new LinkedHashMap<>();
    final Set<String> checkable = new LinkedHashSet<>();
    final Map<String, String> blocks = new LinkedHashMap<>();
    private boolean full;
    private long steps;
    private boolean outOfSteps;
    private boolean limitReported;

    void input(GraphInput input, Origin origin) {
        inputs.add(input);
        origins.put(input.name(), origin);
    }

    void node(Node node, Origin origin, boolean ok) {
        nodes.add(node);
        origins.put(node.name(), origin);
        if (ok) checkable.add(node.name());
    }

    /** Whether one more node would exceed a limit (nodes or steps); from then on nothing more is built. */
    boolean full() {
        if (nodes.size() >= MAX_NODES) full = true;
        return full;
    }

    /** Counts one step of building; false (and full from then on) once the budget is spent. */
    boolean step() {
        return step(1);
    }

    /** Counts `cost` steps of building; false (and full from then on) once the budget is spent. */
    boolean step(long cost) {
        steps += cost;
        if (steps > MAX_STEPS) {
            outOfSteps = true;
            full = true;
        }
        return !full();
    }

    /** What limit stopped the building, said once: the levels it unwinds through would repeat it. */
    String limitMessage() {
        if (limitReported) return null;
        limitReported = true;
        return outOfSteps ? "building the model takes more than " + String.format("%,d", MAX_STEPS) + " steps here"
                : "the model grows past " + MAX_NODES + " nodes here";
    }
}
