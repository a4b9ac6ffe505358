package nn.testkit;

import nn.api.checkpoint.Checkpoint;
import nn.api.checkpoint.CheckpointReader;
import nn.api.checkpoint.CheckpointRestore;
import nn.api.checkpoint.CheckpointWriter;
import nn.api.graph.Graph;
import nn.api.graph.GraphInput;
import nn.api.graph.GraphJson;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.graph.ShapeException;
import nn.api.network.Network;
import nn.api.network.NetworkBuilder;
import com.google.inject.Guice;
import com.google.inject.Module;
import nn.api.registry.ProvidersModule;
import nn.api.registry.Registry;
import nn.api.runtime.Activation;
import nn.api.runtime.ActivationLayer;
import nn.api.runtime.Layer;
import nn.api.schema.Args;
import nn.api.spi.ActivationProvider;
import nn.api.spi.LayerProvider;
import nn.api.spi.Provider;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Everything a new layer or activation must get right, checked in one call from a plugin's
 * own test:
 * <pre>
 *   LayerContract.of(new Scale.Provider()).input(16, 7, 7).verify();
 *   LayerContract.of(new Swish.Provider()).args(Map.of("beta", 2.0)).input(10).verify();
 * </pre>
 * {@link #verify()} checks the name and schema, that the provider is registered in
 * {@code META-INF/services}, that shape inference agrees with the real output, the backward
 * pass against finite differences in double precision, and that a graph using the operation
 * survives the JSON graph and checkpoint round trips with identical outputs. Each check is
 * also public on its own.
 */
public final class LayerContract {
    private final Provider provider;
    private Map<String, Object> args = Map.of();
    private int[] input = {6};
    private int batch = 3;
    private long seed = 7;
    private List<Module> pluginModules = List.of();

    private LayerContract(Provider provider) {
        this.provider = provider;
    }

    public static LayerContract of(LayerProvider provider) {
        return new LayerContract(provider);
    }

    public static LayerContract of(ActivationProvider provider) {
        return new LayerContract(provider);
    }

    /** Named arguments as a `.nn` file would give them; defaults fill the rest. */
    public LayerContract args(Map<String, Object> args) {
        this.args = Map.copyOf(args);
        return this;
    }

    /** The input shape without the batch dimension, e.g. {@code input(16, 7, 7)}. */
    public LayerContract input(int... shape) {
        this.input = shape.clone();
        return this;
    }

    /** For providers registered by the plugin's Guice module rather than a service file. */
    public LayerContract pluginModules(Module... modules) {
        this.pluginModules = List.of(modules);
        return this;
    }

    public LayerContract batch(int batch) {
        this.batch = batch;
        return this;
    }

    public LayerContract seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Runs every check; the first failure is an AssertionError saying what is wrong. */
    public void verify() {
        checkSchema();
        checkRegistered();
        checkShapeInference();
        checkGradients();
        if (provider instanceof ActivationProvider) checkScalarForms();
        checkRoundTrip();
    }

    /** An activation's value() and derivative() (used by plots and docs) agree with its tensor forward and backward. */
    public void checkScalarForms() {
        Activation f = ((ActivationProvider) provider).create(SchemaCheck.bind(provider, args));
        double[] xs = {-4, -1.5, -0.3, 0.2, 0.7, 2.5, 5};
        INDArray x = Nd4j.createFromArray(xs).reshape(1, xs.length);
        INDArray y = x.like();
        f.forward(x, y);
        INDArray gx = x.like();
        f.backward(x, y, Nd4j.onesLike(x), gx);
        for (int i = 0; i < xs.length; i++) {
            if (Math.abs(f.value(xs[i]) - y.getDouble(0, i)) > 1e-9 * Math.max(1, Math.abs(y.getDouble(0, i)))) {
                throw new AssertionError(provider.name() + ": value(" + xs[i] + ") = " + f.value(xs[i])
                        + " but forward gives " + y.getDouble(0, i));
            }
            if (Math.abs(f.derivative(xs[i]) - gx.getDouble(0, i)) > 1e-9 * Math.max(1, Math.abs(gx.getDouble(0, i)))) {
                throw new AssertionError(provider.name() + ": derivative(" + xs[i] + ") = " + f.derivative(xs[i])
                        + " but backward gives " + gx.getDouble(0, i));
            }
        }
    }

    public void checkSchema() {
        List<String> problems = SchemaCheck.problems(provider, args);
        if (!problems.isEmpty()) throw new AssertionError(provider.name() + ": " + String.join("; ", problems));
    }

    /** The provider is found the way nn finds it: through its META-INF/services entry. */
    public void checkRegistered() {
        Registry registry = registry();
        Provider found = registry.operation(provider.name());
        if (found == null || found.getClass() != provider.getClass()) {
            String kind = provider instanceof LayerProvider ? LayerProvider.class.getName() : ActivationProvider.class.getName();
            throw new AssertionError("'" + provider.name() + "' is not registered: add " + provider.getClass().getName()
                    + " to META-INF/services/" + kind + (found == null ? "" : " (found " + found.getClass().getName() + ")"));
        }
    }

    /** outputShape() says what forward() really returns, for this input. */
    public void checkShapeInference() {
        Shape expected = outputShape();
        INDArray x = GradientCheck.awayFromZero(new Random(seed), 0.1, 1.0, Shape.of(input).withBatch(batch));
        Layer layer = createLayer();
        GradientCheck.bindRandomParameters(layer, new Random(seed), new HashMap<>());
        INDArray y = layer.forward(x, true);
        if (!Arrays.equals(y.shape(), expected.withBatch(batch))) {
            throw new AssertionError(provider.name() + ": outputShape() says " + expected + " for input " + Shape.of(input)
                    + " but forward() returned " + Arrays.toString(y.shape()) + " (batch " + batch + " first)");
        }
    }

    /** The backward pass (input and every parameter) against central differences, in double precision. */
    public void checkGradients() {
        INDArray x = GradientCheck.awayFromZero(new Random(seed), 0.1, 1.0, Shape.of(input).withBatch(batch));
        GradientCheck.Result r = GradientCheck.checkLayer(createLayer(), x, seed);
        if (!r.passed()) {
            throw new AssertionError(provider.name() + ": the gradient of " + r.where() + " is off by a relative error of "
                    + r.maxRelativeError() + " (allowed " + GradientCheck.TOLERANCE + ")");
        }
    }

    /**
     * A one-node graph using the operation goes through graph JSON and a checkpoint file and
     * comes back computing the same outputs, with its parameters and layer state.
     */
    public void checkRoundTrip() {
        Registry registry = registry();
        Map<String, Object> bound = new LinkedHashMap<>(SchemaCheck.bind(provider, args).asMap());
        Graph graph = new Graph("contract", List.of(new GraphInput("x", Shape.of(input))),
                List.of(new Node("op", provider.name(), List.of("x"), bound)), List.of("op"), null);
        try {
            Graph reread = GraphJson.read(GraphJson.write(graph));
            if (!GraphJson.write(reread).equals(GraphJson.write(graph))) {
                throw new AssertionError(provider.name() + ": arguments " + bound + " change in a graph.json round trip: "
                        + GraphJson.write(reread));
            }
            Network original = new NetworkBuilder(registry).seed(seed).build(reread);
            INDArray x = GradientCheck.awayFromZero(new Random(seed), 0.1, 1.0, Shape.of(input).withBatch(batch))
                    .castTo(DataType.FLOAT);
            original.forward(x, true); // one training pass, so layer state (running statistics) is not the initial one
            INDArray before = original.forward(x, false).dup();

            Network restored;
            if (original.params() == null && original.layerState().isEmpty()) {
                restored = new NetworkBuilder(registry).seed(seed + 1).build(reread); // nothing to save: rebuild
            } else {
                restored = throughCheckpoint(original, reread, registry);
            }
            INDArray after = restored.forward(x, false);
            if (!before.equalsWithEps(after, 1e-6)) {
                throw new AssertionError(provider.name() + ": outputs differ after a checkpoint round trip");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Network throughCheckpoint(Network original, Graph graph, Registry registry) throws IOException {
        Path file = Files.createTempFile("contract", ".nnc");
        try {
            CheckpointWriter.write(file, new Checkpoint("", graph, original.params(), Map.of(), original.layerState(),
                    nn.api.checkpoint.CheckpointMetadata.untrained(new nn.api.checkpoint.ModelSignature(null, null, null))));
            return CheckpointRestore.network(CheckpointReader.read(file), registry);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** What nn itself would see: every provider on the class path, plus those of the plugin's Guice modules. */
    private Registry registry() {
        List<Module> modules = new ArrayList<>();
        modules.add(new ProvidersModule(provider.getClass().getClassLoader()));
        modules.addAll(pluginModules);
        return Guice.createInjector(modules).getInstance(Registry.class);
    }

    private Shape outputShape() {
        Args bound = SchemaCheck.bind(provider, args);
        if (!(provider instanceof LayerProvider layer)) return Shape.of(input);
        try {
            return layer.outputShape(Shape.of(input), bound);
        } catch (ShapeException e) {
            throw new AssertionError(provider.name() + ": rejects input " + Shape.of(input) + ": " + e.getMessage());
        }
    }

    private Layer createLayer() {
        Args bound = SchemaCheck.bind(provider, args);
        if (provider instanceof LayerProvider layer) return layer.create(Shape.of(input), bound);
        return new ActivationLayer(((ActivationProvider) provider).create(bound), Shape.of(input));
    }
}
