package nn.api.network;

import nn.api.graph.Shape;
import nn.api.runtime.BatchBuffers;
import nn.api.runtime.ChannelsLast;
import nn.api.runtime.Layer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, once per network, which image batches flow channels-last, and puts a layout change
 * wherever a value meets a consumer that wants the other layout. A layer that prefers
 * channels-last (convolution, pooling) starts a chain, element-wise ones (relu) join the chain
 * their input is in, everything else (flatten, merges, plugins' layers) reads channels-first,
 * and so does whoever reads the network's output. Without any preferring layer the network
 * is left as it was built.
 */
final class LayoutPlan {

    /** The steps to run and which value is the output, after planning. */
    record Planned(List<GraphExecutor.Step> steps, int output) {
    }

    private LayoutPlan() {
    }

    /**
     * @param steps  the steps in graph order; value 0 is the input, step i writes value i + 1
     * @param shapes the per-example shape of each value, by value index
     */
    static Planned apply(List<GraphExecutor.Step> steps, List<Shape> shapes, int output) {
        boolean[] channelsLast = new boolean[steps.size() + 1];
        boolean any = false;
        for (int i = 0; i < steps.size(); i++) {
            ChannelsLast.Role role = role(steps.get(i), shapes);
            boolean inputLast = channelsLast[steps.get(i).inputs()[0]];
            channelsLast[i + 1] = role == ChannelsLast.Role.PREFERS || (role == ChannelsLast.Role.FOLLOWS && inputLast);
            any |= role == ChannelsLast.Role.PREFERS;
        }
        if (!any) return new Planned(steps, output);

        List<GraphExecutor.Step> planned = new ArrayList<>();
        int[] newIndex = new int[steps.size() + 1];
        Map<Integer, Integer> converted = new HashMap<>(); // original value -> its copy in the other layout
        for (int i = 0; i < steps.size(); i++) {
            GraphExecutor.Step step = steps.get(i);
            boolean wanted = channelsLast[i + 1];
            int[] inputs = new int[step.inputs().length];
            for (int k = 0; k < inputs.length; k++) {
                int value = step.inputs()[k];
                inputs[k] = channelsLast[value] == wanted ? newIndex[value]
                        : converted.computeIfAbsent(value, v -> addChange(planned, steps, shapes, v, newIndex[v], wanted));
            }
            if (wanted) ((ChannelsLast) step.layer()).useChannelsLast();
            BatchBuffers accumulator = wanted ? new BatchBuffers(channelsLastDims(shapes.get(i + 1))) : step.accumulator();
            planned.add(new GraphExecutor.Step(step.name(), step.op(), inputs, step.layer(), step.merge(), accumulator));
            newIndex[i + 1] = planned.size();
        }
        int plannedOutput = newIndex[output];
        if (channelsLast[output]) plannedOutput = addChange(planned, steps, shapes, output, plannedOutput, false);
        return new Planned(planned, plannedOutput);
    }

    private static ChannelsLast.Role role(GraphExecutor.Step step, List<Shape> shapes) {
        Layer layer = step.layer();
        if (!(layer instanceof ChannelsLast cl) || shapes.get(step.inputs()[0]).rank() != 3) {
            return ChannelsLast.Role.UNABLE;
        }
        return cl.channelsLastRole();
    }

    /** Appends a step that copies value `original` (at `at` in the plan) into the wanted layout. */
    private static int addChange(List<GraphExecutor.Step> planned, List<GraphExecutor.Step> steps, List<Shape> shapes,
                                 int original, int at, boolean toChannelsLast) {
        Shape shape = shapes.get(original);
        String producer = original == 0 ? "input" : steps.get(original - 1).name();
        long[] dims = toChannelsLast ? channelsLastDims(shape) : shape.longDims();
        planned.add(new GraphExecutor.Step(producer + (toChannelsLast ? " (channels-last)" : " (channels-first)"),
                "layout", new int[]{at}, new LayoutChange(shape, toChannelsLast), null, new BatchBuffers(dims)));
        return planned.size();
    }

    private static long[] channelsLastDims(Shape chw) {
        return new long[]{chw.dim(1), chw.dim(2), chw.dim(0)};
    }
}
