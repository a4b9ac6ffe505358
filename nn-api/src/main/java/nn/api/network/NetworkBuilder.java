package nn.api.network;

import nn.api.graph.Graph;
import nn.api.graph.GraphInput;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.graph.ShapeInference;
import nn.api.registry.Registry;
import nn.api.runtime.ActivationLayer;
import nn.api.runtime.Initializer;
import nn.api.runtime.Layer;
import nn.api.runtime.ParamSpec;
import nn.api.schema.Args;
import nn.api.spi.ActivationProvider;
import nn.api.spi.InitializerProvider;
import nn.api.spi.LayerProvider;
import nn.api.spi.Provider;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Turns a checked Graph into a Network: creates layers, allocates and initialises parameters. */
public final class NetworkBuilder {
    private final Registry registry;
    private DataType dataType = DataType.FLOAT;
    private long seed;

    public NetworkBuilder(Registry registry) {
        this.registry = registry;
    }

    /** FLOAT for training; DOUBLE for gradient checks. */
    public NetworkBuilder dataType(DataType dataType) {
        this.dataType = dataType;
        return this;
    }

    /** Seeds the parameter initialisers, so the same seed gives the same starting network. */
    public NetworkBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    public Network build(Graph graph) {
        ShapeInference.Result inferred = ShapeInference.run(graph, registry);
        if (!inferred.ok()) {
            ShapeInference.Failure f = inferred.failures().get(0);
            throw new IllegalArgumentException("node '" + f.node() + "': " + f.message());
        }
        List<Node> chain = chainOf(graph);
        Map<String, Shape> shapes = inferred.shapes();

        List<Layer> layers = new ArrayList<>();
        for (Node node : chain) {
            Shape in = shapes.get(node.inputs().get(0));
            Provider provider = registry.operation(node.op());
            Args args = new Args(node.args());
            if (provider instanceof LayerProvider lp) {
                layers.add(lp.create(in, args));
            } else {
                layers.add(new ActivationLayer(((ActivationProvider) provider).create(args), in));
            }
        }
        if (!layers.isEmpty()) layers.get(0).skipInputGradient();

        long total = 0;
        for (Layer layer : layers) for (ParamSpec p : layer.parameters()) total += p.size();
        INDArray params = total == 0 ? null : Nd4j.create(dataType, total);
        INDArray grads = total == 0 ? null : Nd4j.create(dataType, total);

        Map<String, INDArray> named = new LinkedHashMap<>();
        Random rng = new Random(seed);
        long offset = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            Map<String, INDArray> p = new HashMap<>();
            Map<String, INDArray> g = new HashMap<>();
            for (ParamSpec spec : layer.parameters()) {
                INDArray pv = params.get(NDArrayIndex.interval(offset, offset + spec.size())).reshape('c', spec.shape());
                INDArray gv = grads.get(NDArrayIndex.interval(offset, offset + spec.size())).reshape('c', spec.shape());
                pv.assign(Nd4j.createFromArray(initializer(spec).values(spec.size(), spec.fanIn(), spec.fanOut(), rng))
                        .reshape('c', spec.shape()));
                p.put(spec.name(), pv);
                g.put(spec.name(), gv);
                named.put(chain.get(i).name() + "." + spec.name(), pv);
                offset += spec.size();
            }
            layer.bind(p, g);
        }
        return new Network(graph, shapes, chain, layers, params, grads, named);
    }

    private Initializer initializer(ParamSpec spec) {
        InitializerProvider provider = registry.initializers().get(spec.initializer());
        if (provider == null) {
            throw new IllegalArgumentException("unknown initialiser '" + spec.initializer() + "' for parameter "
                    + spec.name() + "; known: " + registry.initializers().keySet());
        }
        return provider.create(provider.schema().defaults());
    }

    /**
     * The nodes as one chain from the single input to the single output. Graphs with
     * branches need the DAG executor that comes with the full language.
     */
    private static List<Node> chainOf(Graph graph) {
        if (graph.inputs().size() != 1 || graph.outputs().size() != 1) {
            throw new IllegalArgumentException("the network runner executes one input and one output; this graph has "
                    + graph.inputs().size() + " inputs and " + graph.outputs().size() + " outputs");
        }
        GraphInput input = graph.inputs().get(0);
        String previous = input.name();
        List<Node> chain = new ArrayList<>();
        for (Node node : graph.nodes()) {
            if (!node.inputs().equals(List.of(previous))) {
                throw new IllegalArgumentException("the network runner executes sequential chains; node '" + node.name()
                        + "' reads " + node.inputs() + " instead of '" + previous + "'");
            }
            chain.add(node);
            previous = node.name();
        }
        if (!previous.equals(graph.outputs().get(0))) {
            throw new IllegalArgumentException("output '" + graph.outputs().get(0) + "' is not the end of the chain ('"
                    + previous + "')");
        }
        return chain;
    }
}
