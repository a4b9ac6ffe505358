package nn.cli.bench;

import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.network.Network;

import java.util.Map;

/**
 * The floating-point work of one training step, counted for the layers that do nearly all of
 * it: conv2d and dense, two operations per multiply-add. Forward, the input gradient and the
 * weight gradient each cost one such product, except the input gradient of a layer that reads
 * the data batch, which nobody computes.
 */
final class StepFlops {
    private StepFlops() {
    }

    /** Operations of one training step on a batch of `batch` examples. */
    static double perStep(Network network, int batch) {
        Map<String, Shape> shapes = network.shapes();
        String input = network.graph().inputs().get(0).name();
        double total = 0;
        for (Node node : network.nodes()) {
            double forward = forwardPerExample(node, shapes);
            boolean readsData = node.inputs().size() == 1 && node.inputs().get(0).equals(input);
            total += forward * (readsData ? 2 : 3);
        }
        return total * batch;
    }

    private static double forwardPerExample(Node node, Map<String, Shape> shapes) {
        if (node.inputs().size() != 1) return 0;
        Shape in = shapes.get(node.inputs().get(0)), out = shapes.get(node.name());
        return switch (node.op()) {
            case "conv2d" -> {
                int kernel = ((Number) node.args().get("kernel")).intValue();
                int groups = ((Number) node.args().get("groups")).intValue();
                yield 2.0 * out.dim(0) * (in.dim(0) / groups) * kernel * kernel * out.dim(1) * out.dim(2);
            }
            case "dense" -> 2.0 * in.dim(0) * out.dim(0);
            default -> 0;
        };
    }
}
