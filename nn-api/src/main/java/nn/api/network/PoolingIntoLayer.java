package nn.api.network;

import nn.api.graph.Shape;
import nn.api.runtime.BatchBuffers;
import nn.api.runtime.FusesPooling;
import nn.api.runtime.WindowMaximum;

import java.util.List;

/**
 * Lets a layer run the max pooling that alone reads its output (batchnorm → maxpool2d), so the
 * full-size values between them are neither written nor read again; the pooling's step then
 * only hands the pooled values and their gradient on. Runs after {@link ActivationAfterPooling},
 * which puts a relu between the two after the pooling. Values and gradients are unchanged.
 */
final class PoolingIntoLayer {
    private PoolingIntoLayer() {
    }

    /** Replaces each fused pooling's step in `steps` (step i writes value i + 1); `shapes` (by value) change. */
    static void apply(List<GraphExecutor.Step> steps, List<Shape> shapes, int output) {
        for (int i = 0; i + 1 < steps.size(); i++) {
            GraphExecutor.Step producer = steps.get(i), pool = steps.get(i + 1);
            if (!(producer.layer() instanceof FusesPooling fusing)) continue;
            if (!(pool.layer() instanceof WindowMaximum w) || !w.takesMaxima()) continue;
            int between = i + 1;
            if (pool.inputs()[0] != between || output == between || GraphExecutor.readers(steps, between) != 1) continue;
            Shape pooled = shapes.get(i + 2);
            if (!fusing.fusePooling(pool.layer(), pooled)) continue;
            steps.set(i, new GraphExecutor.Step(producer.name(), producer.op(), producer.inputs(), producer.layer(), null,
                    new BatchBuffers(pooled.longDims())));
            steps.set(i + 1, new GraphExecutor.Step(pool.name(), pool.op(), pool.inputs(), new FusedPooling(), null,
                    pool.accumulator()));
            shapes.set(between, pooled);
        }
    }
}
