package nn.api.train;

import nn.api.data.ImageSet;
import nn.api.data.Normalization;
import nn.api.graph.Graph;
import nn.api.graph.GraphInput;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.network.Network;
import nn.api.network.NetworkBuilder;
import nn.api.registry.Registry;
import nn.api.runtime.Optimizer;
import nn.api.schema.Args;
import nn.api.spi.OptimizerProvider;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training loop on a small synthetic task: two classes told apart by image brightness. */
class TrainerTest {
    static final Registry REGISTRY = Registry.load();

    static ImageSet brightOrDark(int n, long seed) {
        Random rng = new Random(seed);
        byte[] pixels = new byte[n * 4];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) rng.nextInt(2);
            for (int j = 0; j < 4; j++) pixels[i * 4 + j] = (byte) (labels[i] == 1 ? 150 + rng.nextInt(100) : rng.nextInt(100));
        }
        return new ImageSet(pixels, labels, n, 1, 2, 2, 2);
    }

    static Network network() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Graph g = new Graph("tiny", List.of(new GraphInput("x", Shape.of(1, 2, 2))), List.of(
                new Node("f", "flatten", List.of("x"), Map.of()),
                new Node("out", "dense", List.of("f"), Map.of("units", 2, "bias", true, "init", "xavier"))),
                List.of("out"), null);
        return new NetworkBuilder(REGISTRY).seed(3).build(g);
    }

    static Optimizer sgd(double lr) {
        OptimizerProvider p = REGISTRY.optimizers().get("sgd");
        return p.create(p.schema().bind(List.of(), Map.of("lr", lr), (w, m, h) -> {
            throw new AssertionError(m);
        }));
    }

    @Test
    void learnsASeparableTask() {
        Network net = network();
        Trainer trainer = new Trainer(net, REGISTRY.losses().get("cross_entropy").create(Args.EMPTY), sgd(0.5),
                new TrainConfig(16, 5, 1, true));
        List<EpochMetrics> history = trainer.fit(brightOrDark(400, 1), brightOrDark(100, 2), Normalization.NONE);
        assertEquals(5, history.size());
        assertTrue(history.get(4).testAccuracy() > 0.95, "accuracy " + history.get(4).testAccuracy());
        assertTrue(history.get(4).trainLoss() < history.get(0).trainLoss());
        assertEquals(25, history.get(0).steps());
    }

    @Test
    void eachEpochSaysWhereItsTrainingTimeWent() {
        Trainer trainer = new Trainer(network(), REGISTRY.losses().get("cross_entropy").create(Args.EMPTY), sgd(0.5),
                new TrainConfig(16, 2, 1, true));
        for (EpochMetrics m : trainer.fit(brightOrDark(400, 1), brightOrDark(100, 2), Normalization.NONE)) {
            StepPhases p = m.phases();
            assertTrue(p.feedSeconds() > 0 && p.forwardSeconds() > 0 && p.backwardSeconds() > 0 && p.updateSeconds() > 0, p.toString());
            double sum = p.feedSeconds() + p.forwardSeconds() + p.backwardSeconds() + p.updateSeconds() + p.otherSeconds();
            assertEquals(m.epochSeconds(), sum, 1e-6, "the phases add up to the epoch: " + p);
        }
    }

    @Test
    void theScheduleSetsEachEpochsLearningRate() {
        Trainer trainer = new Trainer(network(), REGISTRY.losses().get("cross_entropy").create(Args.EMPTY), sgd(0.4),
                new TrainConfig(16, 3, 1, true)).schedule(epoch -> 1.0 / epoch);
        List<EpochMetrics> history = trainer.fit(brightOrDark(100, 1), brightOrDark(50, 2), Normalization.NONE);
        assertEquals(0.4, history.get(0).learningRate(), 1e-12);
        assertEquals(0.2, history.get(1).learningRate(), 1e-12);
        assertEquals(0.4 / 3, history.get(2).learningRate(), 1e-12);
    }

    @Test
    void aValidationSplitIsHeldOutAndReported() {
        Trainer trainer = new Trainer(network(), REGISTRY.losses().get("cross_entropy").create(Args.EMPTY), sgd(0.5),
                new TrainConfig(16, 2, 1, true, 0.25, 0, nn.api.data.Augmentation.NONE));
        List<EpochMetrics> history = trainer.fit(brightOrDark(400, 1), brightOrDark(100, 2), Normalization.NONE);
        assertEquals(19, history.get(0).steps()); // 300 training examples in batches of 16
        assertTrue(history.get(1).validationAccuracy() > 0.9, history.get(1).toString());
        assertEquals(Boolean.TRUE, history.get(0).best());
    }

    @Test
    void earlyStoppingEndsARunThatStopsImprovingOnValidation() {
        // Labels that are pure noise: the network can only overfit, so validation loss soon rises.
        ImageSet noise = brightOrDark(200, 7);
        byte[] labels = noise.labels().clone();
        Random rng = new Random(8);
        for (int i = 0; i < labels.length; i++) labels[i] = (byte) rng.nextInt(2);
        ImageSet random = new ImageSet(noise.pixels(), labels, 200, 1, 2, 2, 2);
        Trainer trainer = new Trainer(network(), REGISTRY.losses().get("cross_entropy").create(Args.EMPTY), sgd(2.0),
                new TrainConfig(8, 50, 1, true, 0.5, 2, nn.api.data.Augmentation.NONE));
        List<EpochMetrics> history = trainer.fit(random, brightOrDark(50, 2), Normalization.NONE);
        assertTrue(history.size() < 50, "ran all " + history.size() + " epochs");
        assertTrue(trainer.stoppedEarly());
        assertEquals(2, trainer.epochsWithoutImprovement());
        assertEquals(Boolean.FALSE, history.get(history.size() - 1).best());
    }

    @Test
    void aDivergingLossStopsTrainingWithTheEpochAndStep() {
        Network net = network();
        Trainer trainer = new Trainer(net, REGISTRY.losses().get("mse").create(Args.EMPTY), sgd(1e30),
                new TrainConfig(16, 3, 1, true));
        TrainingDiverged e = assertThrows(TrainingDiverged.class,
                () -> trainer.fit(brightOrDark(400, 1), brightOrDark(100, 2), Normalization.NONE));
        assertEquals(1, e.epoch());
        assertTrue(e.step() > 1, "the first step's loss is finite");
        assertTrue(e.getMessage().contains("epoch 1, step " + e.step()), e.getMessage());
        // The guard fires before the update, so no NaN gradient reached the parameters.
        for (long i = 0; i < net.params().length(); i++) {
            assertTrue(!Double.isNaN(net.params().getDouble(i)), "parameter " + i + " is NaN");
        }
    }
}
