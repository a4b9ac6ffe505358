package nn.api.inference;

import nn.api.checkpoint.Checkpoint;
import nn.api.checkpoint.CheckpointReader;
import nn.api.checkpoint.CheckpointRestore;
import nn.api.checkpoint.ModelSignature;
import nn.api.graph.GraphInput;
import nn.api.graph.Shape;
import nn.api.network.Network;
import nn.api.registry.Registry;
import nn.api.internal.kernels.HostKernels;
import nn.api.internal.kernels.Matrices;
import nn.api.runtime.StepMemory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A trained model ready to predict: a checkpoint's network with its own preprocessing.
 * <p>
 * Safe to call from many threads: a network keeps per-batch buffers, so each call borrows one
 * of at most {@link Options#replicas()} copies of the network, built only when calls overlap.
 * Only what prediction needs is read from the checkpoint (not the optimizer's state). Close
 * it to let the networks go.
 * <p>
 * An ensemble ({@link #ensemble}, {@link #loadEnsemble}) is a model too: several checkpoints of
 * the same task whose class probabilities (or values) are averaged.
 */
public final class Model implements AutoCloseable {

    /**
     * @param replicas how many calls may compute at once (each has its own copy of the network)
     * @param maxBatch the largest forward pass; longer batches are split, which bounds memory
     * @param backend  "cpu", "cuda", or null for the best that runs here (used by {@link #load(Path, Options)} only)
     * @param threads  compute threads for the backend (likewise)
     */
    public record Options(int replicas, int maxBatch, String backend, int threads) {
        public static final Options DEFAULTS = new Options(1, 256, null, 1);

        public Options {
            if (replicas < 1) throw new IllegalArgumentException("replicas must be >= 1, not " + replicas);
            if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be >= 1, not " + maxBatch);
        }

        public Options withReplicas(int n) {
            return new Options(n, maxBatch, backend, threads);
        }
    }

    private final String name;
    private final GraphInput input;
    private final Preprocessing preprocessing;
    private final ModelSignature signature;
    private final List<String> classNames;
    private final int outputs;
    private final Options options;
    private final LinkedBlockingDeque<Replica> idle = new LinkedBlockingDeque<>();
    private final AtomicInteger built = new AtomicInteger();
    private volatile Checkpoint checkpoint; // kept to build more replicas; null once closed
    private final Registry registry;
    /** An ensemble's members, whose outputs it averages; empty for a model of one checkpoint. */
    private final List<Model> members;

    private Model(Checkpoint checkpoint, Registry registry, Options options) {
        if (checkpoint.graph().inputs().size() != 1) {
            throw new IllegalArgumentException("nn predicts with models of one input; this one has "
                    + checkpoint.graph().inputs().size());
        }
        this.name = checkpoint.graph().name();
        this.input = checkpoint.graph().inputs().get(0);
        this.signature = checkpoint.metadata().signature();
        this.preprocessing = new Preprocessing(input.shape(), signature);
        this.options = options;
        this.registry = registry;
        this.checkpoint = checkpoint;
        this.members = List.of();
        Replica first = new Replica(CheckpointRestore.network(checkpoint, registry)); // fails now, not on first call
        built.set(1);
        this.outputs = Math.toIntExact(first.network.outputShape().size());
        this.classNames = signature.classNames(outputs);
        idle.add(first);
    }

    private Model(String name, List<Model> members) {
        Model first = members.get(0);
        for (Model m : members) {
            String differs = !java.util.Arrays.equals(m.inputShape().dims(), first.inputShape().dims()) ? "input shape"
                    : m.classifies() != first.classifies() ? "task"
                    : !m.classNames.equals(first.classNames) ? "classes"
                    : m.outputs != first.outputs ? "number of outputs"
                    : !m.signature.normalization().equals(first.signature.normalization())
                      || !java.util.Objects.equals(m.signature.standardization(), first.signature.standardization())
                    ? "preprocessing" : null;
            if (differs != null) {
                throw new IllegalArgumentException("an ensemble's models must solve the same task: " + m.name()
                        + " and " + first.name() + " differ in their " + differs);
            }
        }
        this.name = name;
        this.input = first.input;
        this.signature = first.signature;
        this.preprocessing = first.preprocessing;
        this.classNames = first.classNames;
        this.outputs = first.outputs;
        this.options = first.options;
        this.registry = first.registry;
        this.checkpoint = null;
        this.members = List.copyOf(members);
    }

    /**
     * Several models of the same task as one: every prediction averages the members' class
     * probabilities (a regression's values), which usually beats each member. The members must
     * share input shape, preprocessing and classes. Closing the ensemble closes them.
     */
    public static Model ensemble(String name, List<Model> members) {
        if (members.size() < 2) throw new IllegalArgumentException("an ensemble needs at least two models, not " + members.size());
        return new Model(name, members);
    }

    /** Reads several checkpoints as one ensemble, named after the first member's model. */
    public static Model loadEnsemble(List<Path> files, Options options) throws IOException {
        List<Model> members = new ArrayList<>();
        for (Path f : files) members.add(load(f, options));
        return ensemble(members.get(0).name() + "_ensemble", members);
    }

    /** An ensemble's members; empty for a model of one checkpoint. */
    public List<Model> members() {
        return members;
    }

    /** Reads a checkpoint and starts the best backend that runs here, with one replica. */
    public static Model load(Path file) throws IOException {
        return load(file, Options.DEFAULTS);
    }

    /** Reads a checkpoint (without its optimizer state) and starts the backend the options name. */
    public static Model load(Path file, Options options) throws IOException {
        Registry registry = Registry.load();
        Checkpoint checkpoint = CheckpointReader.readForInference(file);
        BackendStart.once(registry, options.backend(), options.threads());
        return new Model(checkpoint, registry, options);
    }

    /** For callers that read the checkpoint and started a backend themselves (the nn command). */
    public static Model of(Checkpoint checkpoint, Registry registry, Options options) {
        return new Model(checkpoint, registry, options);
    }

    /** The model's name in its `.nn` file. */
    public String name() {
        return name;
    }

    public String inputName() {
        return input.name();
    }

    /** One example's shape, without the batch dimension. */
    public Shape inputShape() {
        return input.shape();
    }

    public ModelSignature signature() {
        return signature;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** Whether the outputs are class scores (else values: a regression). */
    public boolean classifies() {
        return signature.task() == nn.api.data.Task.CLASSES;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int outputSize() {
        return outputs;
    }

    public Options options() {
        return options;
    }

    /** One example's raw values (pixels 0..255 for image models), flattened. */
    public Prediction predict(float[] raw) {
        return predictBatch(List.of(raw)).get(0);
    }

    /** One example given by input name, for models whose inputs are named. */
    public Prediction predict(Map<String, float[]> inputs) {
        if (inputs.size() != 1 || !inputs.containsKey(input.name())) {
            throw new InvalidInput("expected exactly the input '" + input.name() + "', got " + inputs.keySet());
        }
        return predict(inputs.get(input.name()));
    }

    /** A picture of any size (image models only), converted as the training images were. */
    public Prediction predict(BufferedImage image) {
        return predictInputs(List.of(preprocessing.modelInput(image))).get(0);
    }

    /** Several examples' raw values in one go. */
    public List<Prediction> predictBatch(List<float[]> raws) {
        List<float[]> xs = new ArrayList<>(raws.size());
        for (float[] raw : raws) xs.add(preprocessing.modelInput(raw));
        return predictInputs(xs);
    }

    /** Examples already preprocessed ({@link Preprocessing#modelInput}): what a batching server gathers. */
    public List<Prediction> predictInputs(List<float[]> xs) {
        if (!members.isEmpty()) return averaged(xs);
        List<Prediction> out = new ArrayList<>(xs.size());
        for (int from = 0; from < xs.size(); from += options.maxBatch()) {
            List<float[]> chunk = xs.subList(from, Math.min(xs.size(), from + options.maxBatch()));
            double[] flat = forward(chunk);
            if (classifies()) {
                for (double[] p : Softmax.rows(flat, chunk.size(), outputs)) {
                    int best = Softmax.argmax(p);
                    out.add(new Prediction.Classification(best, classNames.get(best), classNames, p));
                }
            } else {
                for (int r = 0; r < chunk.size(); r++) {
                    out.add(new Prediction.Regression(java.util.Arrays.copyOfRange(flat, r * outputs, (r + 1) * outputs)));
                }
            }
        }
        return out;
    }

    /** The members' probabilities (values), averaged example by example. */
    private List<Prediction> averaged(List<float[]> xs) {
        double[][] sum = new double[xs.size()][outputs];
        for (Model m : members) {
            List<Prediction> ps = m.predictInputs(xs);
            for (int i = 0; i < ps.size(); i++) {
                double[] v = ps.get(i) instanceof Prediction.Classification c ? c.probabilities()
                        : ((Prediction.Regression) ps.get(i)).values();
                for (int k = 0; k < outputs; k++) sum[i][k] += v[k];
            }
        }
        List<Prediction> out = new ArrayList<>(xs.size());
        for (double[] row : sum) {
            for (int k = 0; k < outputs; k++) row[k] /= members.size();
            if (classifies()) {
                int best = Softmax.argmax(row);
                out.add(new Prediction.Classification(best, classNames.get(best), classNames, row));
            } else {
                out.add(new Prediction.Regression(row));
            }
        }
        return out;
    }

    private double[] forward(List<float[]> xs) {
        Replica replica = acquire();
        try {
            return replica.forward(xs, preprocessing.size());
        } finally {
            if (checkpoint != null) idle.addFirst(replica); // the most recently used is the warmest
        }
    }

    /** An idle replica, a new one while fewer than `replicas` exist, else the next one released. */
    private Replica acquire() {
        Replica r = idle.pollFirst();
        if (r != null) return r;
        Checkpoint source = checkpoint;
        if (source == null) throw new IllegalStateException("model " + name + " is closed");
        if (built.incrementAndGet() <= options.replicas()) {
            synchronized (this) { // building reads the shared checkpoint arrays
                return new Replica(CheckpointRestore.network(source, registry));
            }
        }
        built.decrementAndGet();
        try {
            return idle.takeFirst();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free copy of model " + name, e);
        }
    }

    /** How many copies of the network exist now (at most {@link Options#replicas()}). */
    public int replicasBuilt() {
        return members.isEmpty() ? built.get() : members.stream().mapToInt(Model::replicasBuilt).sum();
    }

    @Override
    public void close() {
        checkpoint = null;
        idle.clear();
        members.forEach(Model::close);
    }

    /** One copy of the network with its input buffers, used by one thread at a time. */
    private static final class Replica {
        final Network network;
        final Map<Integer, INDArray> inputs = new HashMap<>();

        Replica(Network network) {
            this.network = network;
        }

        double[] forward(List<float[]> xs, int size) {
            int n = xs.size();
            float[] flat = new float[n * size];
            for (int i = 0; i < n; i++) System.arraycopy(xs.get(i), 0, flat, i * size, size);
            INDArray x = inputs.computeIfAbsent(n, k -> StepMemory.outside(() -> Nd4j.createUninitialized(DataType.FLOAT,
                    network.inputShape().withBatch(k), 'c')));
            HostKernels.write(flat, x);
            try (StepMemory scope = StepMemory.open(StepMemory.Purpose.INFERENCE)) { // whatever the layers allocate
                return Matrices.toArray(network.forward(x, false)); // copied before the scope and the network are released
            }
        }
    }
}
