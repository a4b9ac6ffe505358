package nn.api.network;

import nn.api.graph.Shape;
import nn.api.runtime.ActivationLayer;
import nn.api.runtime.FusesActivation;

import java.util.List;

/**
 * Lets a layer apply the activation that alone reads its output (dense → relu), so the
 * activation's pass over the values is saved; the activation's step then only hands the values
 * on and computes its gradient. Values and gradients are unchanged.
 */
final class ActivationIntoLayer {
    private ActivationIntoLayer() {
    }

    /** Replaces each fused activation's step in `steps` (step i writes value i + 1). */
    static void apply(List<GraphExecutor.Step> steps, List<Shape> shapes, int output) {
        for (int i = 0; i + 1 < steps.size(); i++) {
            GraphExecutor.Step producer = steps.get(i), act = steps.get(i + 1);
            if (!(producer.layer() instanceof FusesActivation fusing) || !(act.layer() instanceof ActivationLayer a)) continue;
            int between = i + 1;
            if (act.inputs()[0] != between || output == between || GraphExecutor.readers(steps, between) != 1) continue;
            if (!fusing.fuse(a.activation())) continue;
            steps.set(i + 1, new GraphExecutor.Step(act.name(), act.op(), act.inputs(),
                    new FusedActivation(a.activation(), shapes.get(i + 2).longDims()), null, act.accumulator()));
        }
    }
}
