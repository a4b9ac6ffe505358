package nn.api.train;

import nn.api.data.Augmentation;
import nn.api.graph.Call;
import nn.api.graph.Graph;
import nn.api.graph.GraphInput;
import nn.api.graph.LossSpec;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.graph.TrainSettings;
import nn.api.graph.TrainSpec;
import nn.api.registry.Registry;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrainAssemblyTest {
    private static final Registry REGISTRY = Registry.load();

    static Graph graph(Call optimizer, Call schedule, TrainSettings settings) {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        TrainSpec train = new TrainSpec(new Call("mnist", Map.of()), new LossSpec("cross_entropy", "out", "label", Map.of()),
                optimizer, schedule, settings);
        return new Graph("tiny", List.of(new GraphInput("x", Shape.of(1, 2, 2))), List.of(
                new Node("f", "flatten", List.of("x"), Map.of()),
                new Node("out", "dense", List.of("f"), Map.of("units", 2, "bias", true, "init", "xavier"))),
                List.of("out"), train);
    }

    private static Call sgd(Map<String, Object> args) {
        return bound("sgd", REGISTRY.optimizers().get("sgd").schema(), args);
    }

    /** A call with its arguments bound, as the compiler makes it. */
    private static Call bound(String name, nn.api.schema.Schema schema, Map<String, Object> args) {
        return new Call(name, schema.bind(List.of(), args, (w, m, h) -> {
            throw new AssertionError(m);
        }).asMap());
    }

    @Test
    void aTrainSectionBecomesThePartsThatRun() {
        TrainSettings settings = TrainSettings.builder().set(TrainSettings.BATCH, 8).set(TrainSettings.EPOCHS, 4)
                .set(TrainSettings.SEED, 5L).set(TrainSettings.VALIDATION, 0.25).set(TrainSettings.PATIENCE, 2)
                .set(TrainSettings.AUGMENT_SHIFT, 1).build();
        Graph graph = graph(sgd(Map.of("lr", 0.1)), bound("step", REGISTRY.schedules().get("step").schema(),
                Map.of("every", 2, "gamma", 0.5)), settings);
        TrainingParts parts = TrainAssembly.of(graph, REGISTRY, "tiny.nn").fresh();
        assertEquals(4 * 2 + 2, parts.network().parameterCount());
        TrainConfig config = parts.config();
        assertEquals(List.of(8, 4, 5L, true, 0.25, 2, new Augmentation(1, 0.0)), List.of(config.batch(), config.epochs(),
                config.seed(), config.shuffle(), config.validation(), config.patience(), config.augmentation()));
        assertEquals(0.1, parts.optimizer().learningRate(), 1e-12);
        assertEquals(0.5, parts.schedule().factor(3), 1e-12);
        // the same seed, the same network
        assertEquals(parts.network().params(), TrainAssembly.of(graph, REGISTRY, null).network().params());
    }

    @Test
    void withoutAScheduleTheRateStaysConstant() {
        Graph graph = graph(sgd(Map.of()), null, TrainSettings.DEFAULTS);
        assertEquals(1.0, TrainAssembly.of(graph, REGISTRY, null).schedule().factor(7));
    }

    @Test
    void aProviderRefusingItsArgumentsIsOneTypedErrorNamingTheSource() {
        Graph graph = graph(sgd(Map.of("nesterov", true)), null, TrainSettings.DEFAULTS);
        TrainAssembly assembly = TrainAssembly.of(graph, REGISTRY, "model.nn");
        InvalidTrainSection e = assertThrows(InvalidTrainSection.class, assembly::fresh);
        assertEquals("model.nn: sgd: nesterov needs a momentum > 0", e.getMessage());
    }

    @Test
    void aPartThatIsNotInstalledIsNamed() {
        Graph graph = graph(new Call("lion", Map.of()), null, TrainSettings.DEFAULTS);
        InvalidTrainSection e = assertThrows(InvalidTrainSection.class,
                () -> TrainAssembly.of(graph, REGISTRY, "model.nnc").fresh());
        assertEquals("model.nnc: no optimizer named 'lion'", e.getMessage());
    }

    @Test
    void settingsThatBreakARuleAreRefusedBeforeTraining() {
        Graph graph = graph(sgd(Map.of()), null, TrainSettings.builder().set(TrainSettings.PATIENCE, 3).build());
        InvalidTrainSection e = assertThrows(InvalidTrainSection.class,
                () -> TrainAssembly.of(graph, REGISTRY, "model.nnc").config());
        assertEquals("model.nnc: early stopping needs a validation split", e.getMessage());
    }

    @Test
    void aGraphWithoutTrainSectionHasNoParts() {
        Graph graph = graph(sgd(Map.of()), null, TrainSettings.DEFAULTS).withTrain(null);
        InvalidTrainSection e = assertThrows(InvalidTrainSection.class, () -> TrainAssembly.of(graph, REGISTRY, "m.nn"));
        assertEquals("m.nn: the train section needs data, loss and optimizer", e.getMessage());
    }
}
