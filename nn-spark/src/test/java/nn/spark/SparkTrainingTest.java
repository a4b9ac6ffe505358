package nn.spark;

import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.graph.Call;
import nn.api.graph.Graph;
import nn.api.graph.TrainSettings;
import nn.api.graph.TrainSpec;
import nn.api.network.Network;
import nn.api.registry.Registry;
import nn.api.runtime.Optimizer;
import nn.api.schema.Args;
import nn.api.spi.Backend;
import nn.api.train.distributed.DistributedTraining;
import nn.api.train.EpochMetrics;
import nn.api.train.TrainAssembly;
import nn.api.train.TrainConfig;
import nn.api.train.TrainingParts;
import nn.api.train.Trainer;
import nn.dsl.ModelCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lecture's MLP trained data-parallel in Spark's local mode on a slice of real MNIST. */
class SparkTrainingTest {
    private static Registry registry;

    @BeforeAll
    static void startBackend() {
        registry = Registry.load();
        registry.backends().get("cpu").activate(new Backend.Options(1));
    }

    /** What a run leaves: the driver's parameters, every replica's, and the test accuracy. */
    record Outcome(long driver, List<Long> replicas, double accuracy, long failedTasks, long syncs, long verifiedStarts,
                   String report, float[] params) {
    }

    static Outcome train(String master, int epochs, int syncEvery) throws Exception {
        return train(master, epochs, syncEvery, null);
    }

    /** Trains on 2000 examples; a null master trains in this process alone, a batch overrides the file's. */
    static Outcome train(String master, int epochs, int syncEvery, Integer batch) throws Exception {
        return train(master, epochs, syncEvery, batch, projectDir().resolve("examples/mnist-mlp.nn"));
    }

    static Outcome train(String master, int epochs, int syncEvery, Integer batch, Path model) throws Exception {
        Graph graph = ModelCompiler.compile(model, registry).graph();
        TrainSettings.Builder settings = graph.train().settings().toBuilder().set(TrainSettings.EPOCHS, epochs);
        if (batch != null) settings.set(TrainSettings.BATCH, batch);
        TrainSpec spec = graph.train().withSettings(settings.build());
        Map<String, Object> args = new LinkedHashMap<>(spec.data().args());
        args.put("train_limit", 2000);
        args.put("test_limit", 500);
        spec = spec.withData(new Call(spec.data().name(), args));
        graph = graph.withTrain(spec);
        DataLocation data = DataLocation.resolve(null);
        Dataset dataset = registry.datasets().get(spec.data().name()).load(new Args(spec.data().args()), data);
        TrainingParts parts = TrainAssembly.of(graph, registry, model).fresh();
        Network network = parts.network();
        Optimizer optimizer = parts.optimizer();
        TrainConfig config = parts.config();
        Trainer trainer = parts.trainer();
        if (master == null) {
            List<EpochMetrics> alone = trainer.fit(dataset.train(), dataset.test(), dataset.normalization());
            return new Outcome(0, List.of(), alone.get(alone.size() - 1).testAccuracy(), 0, 0, 0, "",
                    network.params().toFloatVector());
        }
        StringWriter out = new StringWriter();
        SparkRun run = (SparkRun) new SparkTraining().open(new DistributedTraining.Request(master, 2, syncEvery, graph,
                data, "cpu", 1, network, optimizer, config, null, new PrintWriter(out), registry));
        List<EpochMetrics> history;
        List<Long> replicas;
        try (run) {
            trainer.epochSteps(run);
            history = trainer.fit(dataset.train(), dataset.test(), dataset.normalization());
            replicas = run.replicaChecksums();
        }
        return new Outcome(run.driverChecksum(), replicas, history.get(history.size() - 1).testAccuracy(),
                run.meter().failedTasks.get(), run.statistics().syncs(), run.statistics().verifiedStarts(), out.toString(),
                network.params().toFloatVector());
    }

    @Test
    void gradientAveragingLearnsAndKeepsEveryReplicaEqualToTheDriver() throws Exception {
        Outcome o = train("local[2]", 2, 1);
        assertTrue(o.accuracy() > 0.7, "test accuracy " + o.accuracy() + " should be far above chance (0.1)");
        assertEquals(2, o.replicas().size());
        for (long replica : o.replicas()) assertEquals(o.driver(), replica, "a replica differs from the driver");
        assertEquals(2 * 16, o.syncs(), "1000 examples a worker in batches of 64: 16 steps an epoch, one sync each");
        assertEquals(2 * o.syncs(), o.verifiedStarts(), "every worker started every step from the driver's parameters");
        assertTrue(o.report().startsWith("communication per sync (32 syncs): 875,088 bytes broadcast"), o.report());
    }

    @Test
    void withTheFilesBatchSplitAcrossTheWorkersSparkRepeatsTheSingleProcessRun() throws Exception {
        Outcome alone = train(null, 2, 1, 64);
        Outcome spark = train("local[2]", 2, 1, 32); // 2 workers x 32 = the file's batch of 64
        double worst = 0;
        for (int i = 0; i < alone.params().length; i++) worst = Math.max(worst, Math.abs(alone.params()[i] - spark.params()[i]));
        // the same examples in every step; only the order of float additions differs
        assertTrue(worst < 1e-3, "largest parameter difference " + worst);
        assertEquals(alone.accuracy(), spark.accuracy(), 0.004, "500 test images: at most two answers may differ");
    }

    @Test
    void shardedWorkersLearnFromHalfTheDataEachAndStayEqualToTheDriver() throws Exception {
        Outcome o;
        System.setProperty(SparkRun.SHARDS_PROPERTY, "true"); // SparkConf reads spark.* system properties
        try {
            o = train("local[2]", 2, 1);
        } finally {
            System.clearProperty(SparkRun.SHARDS_PROPERTY);
        }
        assertTrue(o.accuracy() > 0.7, "test accuracy " + o.accuracy());
        for (long replica : o.replicas()) assertEquals(o.driver(), replica, "a replica differs from the driver");
        assertEquals(2 * 16, o.syncs(), "a shard of 1000 examples in batches of 64: 16 steps an epoch");
    }

    @Test
    void parameterAveragingKeepsReplicasConsistentToo() throws Exception {
        Outcome o = train("local[2]", 1, 4);
        assertTrue(o.accuracy() > 0.6, "test accuracy " + o.accuracy());
        for (long replica : o.replicas()) assertEquals(o.driver(), replica);
        assertEquals(4, o.syncs(), "16 steps, averaged every 4");
        assertEquals(2 * o.syncs(), o.verifiedStarts());
    }

    @Test
    void aFailedTaskIsRetriedWithoutChangingTheResult() throws Exception {
        Outcome clean = train("local[2]", 1, 1);
        Outcome failed;
        System.setProperty(SparkTraining.FAIL_AT_PROPERTY, "1:5:1");
        try {
            failed = train("local[2,2]", 1, 1); // local[N,F]: F attempts per task
        } finally {
            System.clearProperty(SparkTraining.FAIL_AT_PROPERTY);
        }
        assertEquals(0, clean.failedTasks());
        assertEquals(1, failed.failedTasks(), "the injected failure should have happened once");
        assertEquals(clean.driver(), failed.driver(), "the retried run must end with the same parameters");
        assertEquals(clean.accuracy(), failed.accuracy());
    }

    @Test
    void aTaskRetriedAfterItsStepsCountsBatchNormAndDropoutOnce(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path model = dir.resolve("bn.nn");
        java.nio.file.Files.writeString(model, """
                model bn {
                    input image: [1, 28, 28]
                    image -> flatten() -> dense(32) -> batchnorm() -> relu() -> dropout(0.2) -> dense(10) -> logits
                    output logits
                }
                train {
                    data      = mnist(normalize = [0.5, 0.5])
                    loss      = cross_entropy(logits, label)
                    optimizer = adam(lr = 1e-3)
                    batch     = 64
                    epochs    = 1
                    seed      = 3
                }
                """);
        Outcome clean = train("local[2]", 1, 1, null, model);
        Outcome failed;
        System.setProperty(SparkTraining.FAIL_AT_PROPERTY, "1:5:1");
        try {
            failed = train("local[2,2]", 1, 1, null, model);
        } finally {
            System.clearProperty(SparkTraining.FAIL_AT_PROPERTY);
        }
        assertEquals(1, failed.failedTasks(), "the injected failure should have happened once");
        assertEquals(clean.driver(), failed.driver(), "the retried run must end with the same parameters");
        assertEquals(clean.accuracy(), failed.accuracy());
    }

    @Test
    void withoutRetriesTheInjectedFailureEndsTheRunWithSparksReason() throws Exception {
        System.setProperty(SparkTraining.FAIL_AT_PROPERTY, "1:0:0");
        try {
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> train("local[2]", 1, 1));
            assertTrue(String.valueOf(e.getMessage()).contains("injected failure"), e.toString());
        } finally {
            System.clearProperty(SparkTraining.FAIL_AT_PROPERTY);
        }
        assertNotEquals(null, registry);
    }

    static Path projectDir() {
        String dir = System.getProperty("nn.project.dir");
        return dir != null ? Path.of(dir) : Path.of("..").toAbsolutePath().normalize();
    }
}
