package nn.api.network;

import nn.api.graph.Graph;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.runtime.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * A graph made runnable: its layers in execution order and one flat parameter vector with its
 * matching flat gradient vector (every layer holds views into both). Built by {@link NetworkBuilder}.
 */
public final class Network {
    private final Graph graph;
    private final Map<String, Shape> shapes;
    private final List<Node> nodes;
    private final List<Layer> layers;
    private final INDArray params;
    private final INDArray grads;
    private final Map<String, INDArray> namedParams;

    Network(Graph graph, Map<String, Shape> shapes, List<Node> nodes, List<Layer> layers,
            INDArray params, INDArray grads, Map<String, INDArray> namedParams) {
        this.graph = graph;
        this.shapes = shapes;
        this.nodes = nodes;
        this.layers = layers;
        this.params = params;
        this.grads = grads;
        this.namedParams = namedParams;
    }

    /** Runs the chain; the result is a buffer owned by the last layer, valid until the next call. */
    public INDArray forward(INDArray input, boolean training) {
        INDArray x = input;
        for (Layer layer : layers) x = layer.forward(x, training);
        return x;
    }

    /** Back-propagates dLoss/dOutput of the last forward call, filling the gradient vector. */
    public void backward(INDArray gradOutput) {
        INDArray g = gradOutput;
        for (int i = layers.size() - 1; i >= 0 && g != null; i--) g = layers.get(i).backward(g);
    }

    public Graph graph() {
        return graph;
    }

    /** Output shape of every input and node. */
    public Map<String, Shape> shapes() {
        return shapes;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Shape inputShape() {
        return graph.inputs().get(0).shape();
    }

    public Shape outputShape() {
        return shapes.get(nodes.get(nodes.size() - 1).name());
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
}
