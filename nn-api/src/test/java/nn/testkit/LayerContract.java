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
import nn.api.plugin.Plugins;
import nn.api.registry.BuiltIn;
import nn.api.registry.ProvidersModule;
import nn.api.registry.Registry;
import nn.api.runtime.Activation;
import nn.api.runtime.ActivationLayer;
import nn.api.runtime.Initializers;
import nn.api.runtime.Layer;
import nn.api.runtime.ParamSpec;
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
 * {@code META-INF/services}, the parameters and their initialisers, that shape inference
 * agrees with the real output, every rule of the {@link Layer} contract (inputs and incoming
 * gradients left alone, outputs valid until the next call, parameter gradients overwritten,
 * state round-trips), the backward pass against finite differences in double precision, and
 * that a graph using the operation survives the JSON graph and checkpoint round trips with
 * identical outputs. Each check is also public on its own.
 *
 * <p>Inputs are random doubles in ±[0.1, 1.0] (away from zero, so kinks are not straddled),
 * batch 3 unless {@link #batch(int)} says otherwise; parameters are random in ±[0.1, 1.0].
 */
public final class LayerContract {
    /** What the gradient buffers hold before a second backward call: a layer that adds to them shows it. */
    private static final double STALE_GRADIENT = 1000.0;

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
        checkParameters();
        checkShapeInference();
        checkArraysGivenAreNotWritten();
        checkGradientsOverwritten();
        checkGradients();
        if (provider instanceof ActivationProvider) checkScalarForms();
        checkStateRoundTrip();
        checkRoundTrip();
    }

    /**
     * Each parameter has a lower-case name of its own, a positive shape, fan-in and fan-out,
     * and an initialiser that exists and whose arguments bind to its schema (the gradient
     * checks use random values, so a wrong initialiser would otherwise first show in nn train).
     */
    public void checkParameters() {
        Registry registry = registry();
        List<String> seen = new ArrayList<>();
        for (ParamSpec spec : createLayer().parameters()) {
            String what = provider.name() + ": parameter '" + spec.name() + "'";
            if (spec.name() == null || !spec.name().matches("[a-zA-Z][a-zA-Z0-9_]*")) {
                throw new AssertionError(what + ": the name must be an identifier (it names the parameter in checkpoints)");
            }
            if (seen.contains(spec.name())) throw new AssertionError(what + " is declared twice");
            seen.add(spec.name());
            if (spec.shape().length == 0 || Arrays.stream(spec.shape()).anyMatch(d -> d <= 0)) {
                throw new AssertionError(what + ": shape " + Arrays.toString(spec.shape()) + " must have positive dimensions");
            }
            if (spec.fanIn() <= 0 || spec.fanOut() <= 0) {
                throw new AssertionError(what + ": fan-in " + spec.fanIn() + " and fan-out " + spec.fanOut()
                        + " must be positive (for a tensor that is not a weight matrix, give its own size)");
            }
            try {
                Initializers.resolve(registry, spec);
            } catch (IllegalArgumentException e) {
                throw new AssertionError(provider.name() + ": " + e.getMessage());
            }
        }
    }

    /**
     * forward leaves its input alone, backward leaves the gradient it is given alone, and
     * backward leaves the array forward returned alone: in a graph other operations read all
     * three. Unlike the gradient check, this hands the layer the very arrays it then compares.
     */
    public void checkArraysGivenAreNotWritten() {
        Random rng = new Random(seed);
        Layer layer = createLayer();
        GradientCheck.bindRandomParameters(layer, rng, new HashMap<>());
        INDArray x = sampleInput();
        INDArray xBefore = x.dup();
        INDArray y = layer.forward(x, true);
        fail(ElementDiff.describe(xBefore, x), "forward(input) wrote into its input, which other operations also read "
                + "(compute into a new array or a buffer of the layer's own)");
        INDArray yBefore = y.dup();
        INDArray gy = GradientCheck.awayFromZero(rng, 0.5, 1.5, y.shape());
        INDArray gyBefore = gy.dup();
        layer.backward(gy);
        fail(ElementDiff.describe(gyBefore, gy), "backward(gradOutput) wrote into the gradient it was given "
                + "(e.g. gradOutput.muli(...)); other operations read it too: use gradOutput.mul(...)");
        fail(ElementDiff.describe(yBefore, y), "backward changed the array forward returned, which must stay valid "
                + "until the next forward call");
    }

    /**
     * backward overwrites the parameter gradients it was bound to: the network does not zero
     * them between steps, so a layer that adds to them (addi) trains on stale sums. Checked by
     * filling the gradients with a marker before a second backward call after the same forward:
     * both calls must give the same gradients, and the same input gradient.
     */
    public void checkGradientsOverwritten() {
        Random rng = new Random(seed);
        Layer layer = createLayer();
        Map<String, INDArray> grads = new HashMap<>();
        GradientCheck.bindRandomParameters(layer, rng, grads);
        INDArray y = layer.forward(sampleInput(), true);
        INDArray gy = GradientCheck.awayFromZero(rng, 0.5, 1.5, y.shape());
        INDArray first = layer.backward(gy.dup());
        INDArray gxFirst = first == null ? null : first.dup();
        Map<String, INDArray> firstGrads = new java.util.TreeMap<>();
        grads.forEach((name, g) -> firstGrads.put(name, g.dup()));
        grads.values().forEach(g -> g.assign(STALE_GRADIENT));
        INDArray second = layer.backward(gy.dup());
        firstGrads.forEach((name, expected) -> fail(ElementDiff.describe(expected, grads.get(name)),
                "backward does not overwrite the gradient of '" + name + "' (assign it, do not add to it: the network "
                        + "does not zero gradients between steps); its buffer held " + STALE_GRADIENT
                        + " before a second backward call after the same forward, and after it"));
        if (gxFirst != null && second != null) {
            fail(ElementDiff.describe(gxFirst, second), "two backward calls after one forward return different input gradients");
        }
    }

    /**
     * state() and restoreState() round-trip: a second layer of the same arguments, given the
     * first one's parameters and a copy of its state, computes the same inference outputs.
     */
    public void checkStateRoundTrip() {
        Random rng = new Random(seed);
        Layer trained = createLayer();
        Map<String, INDArray> params = GradientCheck.bindRandomParameters(trained, rng, new HashMap<>());
        INDArray x = sampleInput();
        trained.forward(x, true); // training passes move the state (running statistics) away from its start
        trained.forward(GradientCheck.awayFromZero(rng, 0.1, 1.0, x.shape()), true);
        Map<String, INDArray> saved = new java.util.TreeMap<>();
        trained.state().forEach((name, a) -> saved.put(name, a.dup()));

        Layer fresh = createLayer();
        Map<String, INDArray> freshGrads = new HashMap<>();
        for (ParamSpec spec : fresh.parameters()) freshGrads.put(spec.name(), Nd4j.create(DataType.DOUBLE, spec.shape()));
        fresh.bind(params, freshGrads);
        if (!new java.util.TreeSet<>(fresh.state().keySet()).equals(saved.keySet())) {
            throw new AssertionError(provider.name() + ": state() names differ between two layers of the same arguments: "
                    + saved.keySet() + " and " + new java.util.TreeSet<>(fresh.state().keySet()));
        }
        Map<String, INDArray> copies = new HashMap<>();
        saved.forEach((name, a) -> copies.put(name, a.dup()));
        fresh.restoreState(copies);
        INDArray expected = trained.forward(x, false).dup();
        fail(ElementDiff.describe(expected, fresh.forward(x, false)),
                "a fresh layer given this one's parameters and state() (through restoreState) computes different outputs");
    }

    /** What the layer checks feed in: random doubles in ±[0.1, 1.0], batch first. */
    private INDArray sampleInput() {
        return GradientCheck.awayFromZero(new Random(seed), 0.1, 1.0, Shape.of(input).withBatch(batch));
    }

    private void fail(String difference, String rule) {
        if (difference != null) throw new AssertionError(provider.name() + ": " + rule + ": " + difference);
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
        if (found != null && found.getClass() != provider.getClass() && BuiltIn.is(found.getClass(), Plugins.CLASSPATH)) {
            throw new AssertionError("'" + provider.name() + "' is already a built-in " + kindOf(found) + " ("
                    + found.getClass().getName() + "): give " + provider.getClass().getName() + " another name");
        }
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
            throw new AssertionError(String.format("%s: the gradient is wrong at %d of %d elements; worst %s "
                            + "(relative error %.3g, allowed %.0e)", provider.name(), r.wrong(), r.checked(), r.where(),
                    r.maxRelativeError(), GradientCheck.TOLERANCE));
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
        try {
            return Guice.createInjector(modules).getInstance(Registry.class);
        } catch (com.google.inject.CreationException | com.google.inject.ProvisionException e) {
            // Guice's report is pages long; its first error is the line the author needs
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String first = cause.getMessage() == null ? cause.toString() : cause.getMessage().lines().findFirst().orElse("");
            if (e instanceof com.google.inject.CreationException ce && !ce.getErrorMessages().isEmpty()) {
                first = ce.getErrorMessages().iterator().next().getMessage().lines().findFirst().orElse(first);
            }
            throw new AssertionError("nn cannot load the providers on the test class path: " + first);
        }
    }

    private static String kindOf(Provider p) {
        if (p instanceof LayerProvider) return "layer";
        if (p instanceof ActivationProvider) return "activation";
        return "operation";
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
