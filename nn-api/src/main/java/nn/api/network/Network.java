package nn.api.network;

import nn.api.graph.Graph;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

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

    Network(Graph graph, Map<String, Shape> shapes, GraphExecutor executor, INDArray params, INDArray grads,
            Map<String, INDArray> namedParams) {
        this.graph = graph;
        this.shapes = shapes;
        this.executor = executor;
        this.params = params;
        this.grads = grads;
        this.namedParams = namedParams;
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
}
