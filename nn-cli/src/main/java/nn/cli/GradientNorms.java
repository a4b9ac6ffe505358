package nn.cli;

import nn.api.data.Dataset;
import nn.api.graph.Node;
import nn.api.network.Network;
import nn.api.runtime.Loss;
import nn.api.train.BatchFeeder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The gradient of one training step, layer by layer: how much of the loss's signal reaches each layer. */
final class GradientNorms {
    /** One layer with parameters: its weights' gradient L2 norm (biases left out, as is usual). */
    record LayerNorm(String node, String op, long parameters, double weightNorm) {
    }

    record Result(double loss, int examples, List<LayerNorm> layers) {
    }

    private GradientNorms() {
    }

    /** Forward, loss and backward on the first `batch` training examples, as the first training step does. */
    static Result ofFirstBatch(Network network, Loss loss, Dataset data, int batch) {
        int n = Math.min(batch, data.train().count());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        BatchFeeder.Batch b = new BatchFeeder(data.train(), data.normalization(), network.inputShape()).batch(order, 0, n);
        INDArray output = network.forward(b.input, true);
        INDArray gradOutput = Nd4j.createUninitialized(output.dataType(), output.shape(), 'c');
        double value = loss.forwardBackward(output, b.target, gradOutput);
        network.backward(gradOutput);
        return new Result(value, n, perLayer(network));
    }

    /**
     * Parameters lie in the flat vectors in the order of namedParams (NetworkBuilder lays them
     * out so), so each gradient is the same slice of grads() as its parameter is of params().
     */
    private static List<LayerNorm> perLayer(Network network) {
        Map<String, long[]> byNode = new LinkedHashMap<>(); // node -> {parameter count, ...}
        Map<String, Double> squares = new LinkedHashMap<>();
        long offset = 0;
        for (Map.Entry<String, INDArray> p : network.namedParams().entrySet()) {
            String node = p.getKey().substring(0, p.getKey().lastIndexOf('.'));
            String param = p.getKey().substring(node.length() + 1);
            long size = p.getValue().length();
            byNode.computeIfAbsent(node, k -> new long[1])[0] += size;
            if (!param.equals("b")) {
                double norm = network.grads().get(NDArrayIndex.interval(offset, offset + size)).norm2Number().doubleValue();
                squares.merge(node, norm * norm, Double::sum);
            }
            offset += size;
        }
        Map<String, String> ops = new LinkedHashMap<>();
        for (Node node : network.nodes()) ops.put(node.name(), node.op());
        List<LayerNorm> layers = new ArrayList<>();
        byNode.forEach((node, count) -> layers.add(
                new LayerNorm(node, ops.get(node), count[0], Math.sqrt(squares.getOrDefault(node, 0.0)))));
        return layers;
    }
}
