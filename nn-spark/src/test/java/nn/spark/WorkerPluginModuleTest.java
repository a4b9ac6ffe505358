package nn.spark;

import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.graph.Call;
import nn.api.graph.Graph;
import nn.api.graph.TrainSpec;
import nn.api.network.Network;
import nn.api.network.NetworkBuilder;
import nn.api.registry.Registry;
import nn.api.runtime.Loss;
import nn.api.runtime.Optimizer;
import nn.api.schema.Args;
import nn.api.spi.Backend;
import nn.api.train.EpochMetrics;
import nn.api.train.TrainConfig;
import nn.api.train.TrainAssembly;
import nn.api.train.Trainer;
import nn.api.train.TrainingParts;
import nn.api.train.distributed.DistributedTraining;
import nn.dsl.ModelCompiler;
import org.example.sparkplugin.HalfModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spark workers build their registry through nn-api's one entry point, so an operation that a
 * plugin registers only through its Guice module ({@link HalfModule}, on the class path as
 * `spark-submit --jars` puts a plugin on a cluster's executors) is known to them too.
 */
class WorkerPluginModuleTest {

    @Test
    void workersThatBuildTheirOwnRegistrySeeAProviderOfAPluginGuiceModule(@TempDir Path dir) throws Exception {
        Registry driver = Registry.load();
        driver.backends().get("cpu").activate(new Backend.Options(1));
        Path model = dir.resolve("half.nn");
        Files.writeString(model, """
                model halved {
                    input image: [1, 28, 28]
                    image -> flatten() -> dense(32) -> half() -> relu() -> dense(10) -> logits
                    output logits
                }
                train {
                    data      = mnist(normalize = [0.5, 0.5])
                    loss      = cross_entropy(logits, label)
                    optimizer = adam(lr = 1e-3)
                    batch     = 64
                    epochs    = 1
                    seed      = 5
                }
                """);
        Graph graph = ModelCompiler.compile(model, driver).graph();
        TrainSpec spec = graph.train();
        Map<String, Object> args = new LinkedHashMap<>(spec.data().args());
        args.put("train_limit", 1000);
        args.put("test_limit", 300);
        spec = spec.withData(new Call(spec.data().name(), args));
        graph = graph.withTrain(spec);
        DataLocation data = DataLocation.resolve(null);
        Dataset dataset = driver.datasets().get(spec.data().name()).load(new Args(spec.data().args()), data);
        TrainingParts parts = TrainAssembly.of(graph, driver, model).fresh();
        Network network = parts.network();
        Optimizer optimizer = parts.optimizer();
        TrainConfig config = parts.config();
        Trainer trainer = parts.trainer();

        // No driver registry in the request: the workers (threads here, as in local mode) build their own.
        List<EpochMetrics> history;
        try (SparkRun run = (SparkRun) new SparkTraining().open(new DistributedTraining.Request("local[2]", 2, 1, graph,
                data, "cpu", 1, network, optimizer, config, null, new PrintWriter(new StringWriter()), null))) {
            trainer.epochSteps(run);
            history = trainer.fit(dataset.train(), dataset.test(), dataset.normalization());
            assertEquals(2, run.replicaChecksums().stream().filter(c -> c == run.driverChecksum()).count(),
                    "both workers built a replica with half() and stayed equal to the driver");
        }
        Registry workers = WorkerRuntime.registry();
        assertNotSame(driver, workers, "the workers used a registry of their own");
        assertEquals(HalfModule.Provider.class, workers.activations().get("half").getClass());
        assertTrue(history.get(0).testAccuracy() > 0.3, "accuracy " + history.get(0).testAccuracy());
    }
}
