package nn.api.network;

import nn.api.graph.Graph;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.shapes.ShapeInference;
import nn.api.plugin.ProviderFailure;
import nn.api.random.SplitMix64;
import nn.api.registry.Registry;
import nn.api.runtime.ActivationLayer;
import nn.api.runtime.BatchBuffers;
import nn.api.runtime.Initializers;
import nn.api.runtime.Layer;
import nn.api.runtime.MergeLayer;
import nn.api.runtime.ParamSpec;
import nn.api.schema.Args;
import nn.api.spi.ActivationProvider;
import nn.api.spi.LayerProvider;
import nn.api.spi.MergeProvider;
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
    private Long expectedParameters;
    private boolean channelsLast = channelsLastByDefault();
    private boolean fuseActivations = true;
    private boolean fusePooling = Boolean.parseBoolean(System.getProperty("nn.fuse-pooling", "true"));

    public NetworkBuilder(Registry registry) {
        this.registry = registry;
    }

    /** FLOAT for training; DOUBLE for gradient checks. */
    public NetworkBuilder dataType(DataType dataType) {
        this.dataType = dataType;
        return this;
    }

    /**
     * Seeds the parameter initialisers and each layer's own randomness (dropout), so the same
     * seed gives the same starting network and the same masks.
     */
    public NetworkBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Refuses, before allocating anything, a graph whose parameters do not number exactly
     * `count`: a checkpoint's graph must fit the parameters saved beside it.
     */
    public NetworkBuilder expectParameters(long count) {
        this.expectedParameters = count;
        return this;
    }

    /**
     * Whether image batches may flow channels-last between the layers that support it (see
     * {@link LayoutPlan}). On by default on the CPU, where oneDNN's convolution and pooling
     * kernels are faster that way; `-Dnn.channels-last=false` turns it off to compare.
     */
    public NetworkBuilder channelsLast(boolean enabled) {
        this.channelsLast = enabled;
        return this;
    }

    /**
     * Whether a layer may apply the activation that alone follows it (see
     * {@link ActivationIntoLayer}); on by default, off only to compare.
     */
    public NetworkBuilder fuseActivations(boolean enabled) {
        this.fuseActivations = enabled;
        return this;
    }

    /**
     * Whether a layer may run the max pooling that alone follows it (see {@link PoolingIntoLayer});
     * on by default, off only to compare (`-Dnn.fuse-pooling=false`).
     */
    public NetworkBuilder fusePooling(boolean enabled) {
        this.fusePooling = enabled;
        return this;
    }

    private static boolean channelsLastByDefault() {
        return Boolean.parseBoolean(System.getProperty("nn.channels-last", "true")) && Nd4j.getEnvironment().isCPU();
    }

    public Network build(Graph graph) {
        ShapeInference.Result inferred = ShapeInference.run(graph, registry);
        if (!inferred.ok()) {
            ShapeInference.Failure f = inferred.failures().get(0);
            throw new IllegalArgumentException("node '" + f.node() + "': " + f.message());
        }
        if (graph.inputs().size() != 1) {
            throw new IllegalArgumentException("training feeds one input (the data set's images); this graph has "
                    + graph.inputs().size());
        }
        Map<String, Shape> shapes = inferred.shapes();
        Map<String, Integer> index = new HashMap<>();
        index.put(graph.inputs().get(0).name(), 0);
        List<Node> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) index.put(nodes.get(i).name(), i + 1);
        Integer output = index.get(outputOf(graph));
        if (output == null || output == 0) {
            throw new IllegalArgumentException("output '" + outputOf(graph) + "' is not a node of the graph");
        }

        List<GraphExecutor.Step> steps = new ArrayList<>();
        List<Layer> layers = new ArrayList<>();
        Map<String, Layer> layersByName = new LinkedHashMap<>();
        // Whether each value depends on a parameter: only then does anything need its gradient.
        boolean[] learned = new boolean[nodes.size() + 1];
        for (Node node : nodes) {
            int[] inputs = new int[node.inputs().size()];
            List<Shape> inShapes = new ArrayList<>();
            for (int k = 0; k < inputs.length; k++) {
                inputs[k] = index.get(node.inputs().get(k));
                inShapes.add(shapes.get(node.inputs().get(k)));
            }
            Provider provider = registry.operation(node.op());
            Args args = new Args(node.args());
            BatchBuffers accumulator = new BatchBuffers(shapes.get(node.name()).longDims());
            if (provider instanceof MergeProvider merge) {
                MergeLayer created;
                try {
                    created = merge.create(inShapes, args);
                } catch (RuntimeException e) {
                    throw ProviderFailure.wrap(node.op(), provider.getClass(), "while building node '" + node.name() + "'", e);
                }
                for (int in : inputs) learned[steps.size() + 1] |= learned[in];
                steps.add(new GraphExecutor.Step(node.name(), node.op(), inputs, null, created, accumulator));
                layers.add(null);
                continue;
            }
            Layer layer;
            try {
                layer = provider instanceof LayerProvider lp ? lp.create(inShapes.get(0), args)
                        : new ActivationLayer(((ActivationProvider) provider).create(args), inShapes.get(0));
            } catch (RuntimeException e) {
                throw ProviderFailure.wrap(node.op(), provider.getClass(), "while building node '" + node.name() + "'", e);
            }
            // It reads the data batch, or values computed from it without parameters (flatten):
            // nobody needs that gradient.
            if (!learned[inputs[0]]) layer.skipInputGradient();
            learned[steps.size() + 1] = learned[inputs[0]] || !layer.parameters().isEmpty();
            layer.seed(layerSeed(seed, steps.size()));
            layersByName.put(node.name(), layer);
            steps.add(new GraphExecutor.Step(node.name(), node.op(), inputs, layer, null, accumulator));
            layers.add(layer);
        }

        long total = 0;
        for (Layer layer : layers) if (layer != null) for (ParamSpec p : layer.parameters()) total = Math.addExact(total, p.size());
        if (expectedParameters != null && total != expectedParameters) {
            throw new IllegalArgumentException("the graph needs " + total + " parameters but " + expectedParameters
                    + " are given");
        }
        INDArray params = total == 0 ? null : Nd4j.create(dataType, total);
        INDArray grads = total == 0 ? null : Nd4j.create(dataType, total);

        Map<String, INDArray> named = new LinkedHashMap<>();
        Random rng = new Random(seed);
        long offset = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (layer == null) continue;
            Map<String, INDArray> p = new HashMap<>();
            Map<String, INDArray> g = new HashMap<>();
            for (ParamSpec spec : layer.parameters()) {
                INDArray pv = params.get(NDArrayIndex.interval(offset, offset + spec.size())).reshape('c', spec.shape());
                INDArray gv = grads.get(NDArrayIndex.interval(offset, offset + spec.size())).reshape('c', spec.shape());
                pv.assign(Nd4j.createFromArray(Initializers.resolve(registry, spec).values(spec.size(), spec.fanIn(), spec.fanOut(), rng))
                        .reshape('c', spec.shape()));
                p.put(spec.name(), pv);
                g.put(spec.name(), gv);
                named.put(nodes.get(i).name() + "." + spec.name(), pv);
                offset += spec.size();
            }
            layer.bind(p, g);
        }
        List<Shape> valueShapes = new ArrayList<>();
        valueShapes.add(shapes.get(graph.inputs().get(0).name()));
        for (Node node : nodes) valueShapes.add(shapes.get(node.name()));
        String outputName = steps.get(output - 1).name();
        ActivationAfterPooling.apply(steps, valueShapes, output);
        if (fusePooling) PoolingIntoLayer.apply(steps, valueShapes, output);
        if (fuseActivations) ActivationIntoLayer.apply(steps, valueShapes, output);
        LayoutPlan.Planned planned = channelsLast ? LayoutPlan.apply(steps, valueShapes, output)
                : new LayoutPlan.Planned(steps, output);
        GraphExecutor executor = new GraphExecutor(planned.steps(), planned.output(), outputName);
        return new Network(graph, shapes, executor, params, grads, named, layersByName);
    }

    /** The node training reads: the loss's input when there is a train section, else the first output. */
    static String outputOf(Graph graph) {
        if (graph.train() != null && graph.train().loss() != null) return graph.train().loss().output();
        if (graph.outputs().isEmpty()) throw new IllegalArgumentException("the graph declares no output");
        return graph.outputs().get(0);
    }

    /**
     * A node's own seed: the run seed and the node's index mixed (SplitMix64's finaliser), so
     * nodes draw unrelated streams, and none of them draws from the initialisers' generator.
     */
    static long layerSeed(long seed, int nodeIndex) {
        return SplitMix64.mix(seed + SplitMix64.GAMMA * (nodeIndex + 1L));
    }
}
