package nn.api.train;

import nn.api.checkpoint.Checkpoint;
import nn.api.checkpoint.CheckpointRestore;
import nn.api.data.Augmentation;
import nn.api.graph.Graph;
import nn.api.graph.TrainSettings;
import nn.api.graph.TrainSpec;
import nn.api.network.Network;
import nn.api.network.NetworkBuilder;
import nn.api.registry.Registry;
import nn.api.runtime.Loss;
import nn.api.runtime.Optimizer;
import nn.api.runtime.Schedule;
import nn.api.schema.Args;
import nn.api.spi.LossProvider;
import nn.api.spi.OptimizerProvider;
import nn.api.spi.Provider;
import nn.api.spi.ScheduleProvider;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one road from a model's train section to the parts that run: its network (from a fresh
 * seed or restored from a checkpoint), loss, optimizer, learning-rate schedule and
 * {@link TrainConfig}. `nn train`, `nn bench`, `nn diagnose gradients`, nn-spark's workers and
 * library users all assemble through here, so they agree on what a section means and on its
 * errors: whatever a provider refuses is an {@link InvalidTrainSection} naming the source.
 */
public final class TrainAssembly {
    private final Graph graph;
    private final TrainSpec train;
    private final Registry registry;
    private final String source;

    private TrainAssembly(Graph graph, Registry registry, String source) {
        this.graph = graph;
        this.train = graph.train();
        this.registry = registry;
        this.source = source;
    }

    /**
     * @param source where the graph came from (a `.nn` file, a checkpoint), starting each error
     *               message; null for none
     * @throws InvalidTrainSection when the graph has no train section with data, loss and optimizer
     */
    public static TrainAssembly of(Graph graph, Registry registry, Object source) {
        TrainAssembly assembly = new TrainAssembly(graph, registry, source == null ? null : source.toString());
        if (graph.train() == null || !graph.train().canTrain()) {
            throw assembly.invalid("the train section needs data, loss and optimizer", null);
        }
        return assembly;
    }

    public TrainSpec train() {
        return train;
    }

    public TrainSettings settings() {
        return train.settings();
    }

    /** Every part, the network new from the settings' seed. */
    public TrainingParts fresh() {
        Network network = network();
        return parts(network);
    }

    /**
     * Every part of a run continued from its checkpoint: the network with its parameters and
     * layer state, the optimizer with its state. The train section is this assembly's (the
     * checkpoint's own, with any overrides).
     */
    public TrainingParts restored(Checkpoint checkpoint) {
        Network network = refused(() -> CheckpointRestore.network(checkpoint, registry));
        TrainingParts parts = parts(network);
        parts.optimizer().restore(checkpoint.optimizerState());
        return parts;
    }

    private TrainingParts parts(Network network) {
        return new TrainingParts(network, loss(), optimizer(network), schedule(), config());
    }

    /** A new network, seeded by the settings' seed. */
    public Network network() {
        return network(settings().seed());
    }

    /** A new network with its own seed (nn-spark's workers draw their own dropout masks). */
    public Network network(long seed) {
        return refused(() -> new NetworkBuilder(registry).seed(seed).build(graph));
    }

    public Loss loss() {
        LossProvider provider = provider(registry.losses(), train.loss().name(), "loss");
        return refused(() -> provider.create(new Args(train.loss().args())));
    }

    /** A new optimizer for the network's parameters (it sizes its state at the first step; parameter averaging makes one per synchronisation). */
    public Optimizer optimizer(Network network) {
        OptimizerProvider provider = provider(registry.optimizers(), train.optimizer().name(), "optimizer");
        return refused(() -> provider.create(new Args(train.optimizer().args())));
    }

    /** The learning-rate schedule over the planned epochs; a constant rate without one. */
    public Schedule schedule() {
        if (train.schedule() == null) return epoch -> 1.0;
        ScheduleProvider provider = provider(registry.schedules(), train.schedule().name(), "learning-rate schedule");
        return refused(() -> provider.create(new Args(train.schedule().args()), settings().epochs()));
    }

    /** What the trainer needs of the settings, after the one validator has passed them. */
    public TrainConfig config() {
        List<TrainSettings.Problem> problems = settings().problems();
        if (!problems.isEmpty()) throw invalid(problems.get(0).message(), null);
        TrainSettings s = settings();
        return new TrainConfig(s.batch(), s.epochs(), s.seed(), s.shuffle(), s.validation(), s.patience(),
                new Augmentation(s.augmentShift(), s.augmentRotate(), s.augmentFlip(), s.augmentZoom()));
    }

    private <P extends Provider> P provider(Map<String, P> providers, String name, String kind) {
        P provider = providers.get(name);
        if (provider == null) throw invalid("no " + kind + " named '" + name + "'", null);
        return provider;
    }

    /** Providers reject combinations their schema cannot express (nesterov without momentum): bad input. */
    private <T> T refused(Supplier<T> create) {
        try {
            return create.get();
        } catch (InvalidTrainSection e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage(), e);
        }
    }

    private InvalidTrainSection invalid(String message, Throwable cause) {
        return new InvalidTrainSection(source == null ? message : source + ": " + message, cause);
    }
}
