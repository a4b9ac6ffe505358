package nn.api.network;

import nn.api.graph.Shape;
import nn.api.runtime.ActivationLayer;
import nn.api.runtime.BatchBuffers;
import nn.api.runtime.WindowMaximum;

import java.util.List;

/**
 * Runs a non-decreasing activation that feeds nothing but a max pooling after the pooling
 * instead: f(max(window)) = max(f(window)) and the gradient reaches the same input, while the
 * activation and its gradient touch only the pooled values (a quarter of them for 2 × 2
 * windows: conv → relu → maxpool becomes conv → maxpool → relu). Values and gradients are
 * unchanged; only the order of two steps is.
 */
final class ActivationAfterPooling {
    private ActivationAfterPooling() {
    }

    /**
     * Swaps each such pair in place: `steps` (step i writes value i + 1) and `shapes` (by value)
     * change; the value the pooling wrote keeps its number, so its readers are untouched.
     */
    static void apply(List<GraphExecutor.Step> steps, List<Shape> shapes, int output) {
        for (int i = 0; i + 1 < steps.size(); i++) {
            GraphExecutor.Step act = steps.get(i), pool = steps.get(i + 1);
            if (!(act.layer() instanceof ActivationLayer a) || !a.activation().nonDecreasing()) continue;
            if (!(pool.layer() instanceof WindowMaximum w) || !w.takesMaxima()) continue;
            int between = i + 1;
            if (pool.inputs()[0] != between || output == between || GraphExecutor.readers(steps, between) != 1) continue;
            Shape pooled = shapes.get(i + 2);
            steps.set(i, new GraphExecutor.Step(pool.name(), pool.op(), act.inputs(), pool.layer(), null,
                    new BatchBuffers(pooled.longDims())));
            steps.set(i + 1, new GraphExecutor.Step(act.name(), act.op(), new int[]{between},
                    new ActivationLayer(a.activation(), pooled), null, pool.accumulator()));
            shapes.set(between, pooled);
        }
    }
}
