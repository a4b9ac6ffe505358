package nn.api.network;

import nn.api.graph.Graph;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.runtime.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A graph made runnable: its operations in graph (topological) order over one flat parameter
 * vector and its matching flat gradient vector (every layer holds views into both).
 * Built by {@link NetworkBuilder}.
 */
public final class Network {
    private final Graph graph;
    private final Map<String, Shape> shapes;
    private final GraphExecutor executor;
    private final INDArray params;
    private final INDArray grads;
    private final Map<String, INDArray> namedParams;
    private final Map<String, Layer> layers;

    Network(Graph graph, Map<String, Shape> shapes, GraphExecutor executor, INDArray params, INDArray grads,
            Map<String, INDArray> namedParams, Map<String, Layer> layers) {
        this.graph = graph;
        this.shapes = shapes;
        this.executor = executor;
        this.params = params;
        this.grads = grads;
        this.namedParams = namedParams;
        this.layers = layers;
    }

    /** Runs the graph on a batch; the result is a buffer owned by the network, valid until the next call. */
    public INDArray forward(INDArray input, boolean training) {
        return executor.forward(input, training);
    }

    /** Back-propagates dLoss/dOutput of the last forward call, filling the gradient vector. */
    public void backward(INDArray gradOutput) {
        executor.backward(gradOutput);
    }

    public Graph graph() {
        return graph;
    }

    /** Output shape of every input and node. */
    public Map<String, Shape> shapes() {
        return shapes;
    }

    public List<Node> nodes() {
        return graph.nodes();
    }

    public Shape inputShape() {
        return graph.inputs().get(0).shape();
    }

    /** The node whose value forward returns (the one the loss reads). */
    public String outputName() {
        return executor.outputName();
    }

    public Shape outputShape() {
        return shapes.get(outputName());
    }

    /** The flat parameter vector; optimizers update it in place. */
    public INDArray params() {
        return params;
    }

    public INDArray grads() {
        return grads;
    }

    public long parameterCount() {
        return params == null ? 0 : params.length();
    }

    /** Views of each parameter tensor, named `node.param` (e.g. `dense_1.W`). */
    public Map<String, INDArray> namedParams() {
        return namedParams;
    }

    /**
     * The layers' untrained state for checkpoints (batch norm's running statistics, dropout's
     * generator), named `node.name` (e.g. `bn_1.running_mean`). The arrays are the layers' own.
     */
    public Map<String, INDArray> layerState() {
        Map<String, INDArray> all = new LinkedHashMap<>();
        layers.forEach((node, layer) -> layer.state().forEach((name, value) -> all.put(node + "." + name, value)));
        return all;
    }

    /** Puts back state saved from {@link #layerState()}; every entry must name a node's state. */
    public void restoreLayerState(Map<String, INDArray> state) {
        Map<String, Map<String, INDArray>> byNode = new HashMap<>();
        for (Map.Entry<String, INDArray> e : state.entrySet()) {
            int dot = e.getKey().lastIndexOf('.');
            Layer layer = dot < 0 ? null : layers.get(e.getKey().substring(0, dot));
            if (layer == null || !layer.state().containsKey(e.getKey().substring(dot + 1))) {
                throw new IllegalArgumentException("no layer state named '" + e.getKey() + "' in this network");
            }
            byNode.computeIfAbsent(e.getKey().substring(0, dot), k -> new HashMap<>())
                    .put(e.getKey().substring(dot + 1), e.getValue());
        }
        byNode.forEach((node, values) -> layers.get(node).restoreState(values));
    }
}
