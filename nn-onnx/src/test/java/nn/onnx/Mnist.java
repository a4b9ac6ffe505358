package nn.onnx;

import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.graph.Graph;
import nn.api.graph.TrainSpec;
import nn.api.network.Network;
import nn.api.registry.Registry;
import nn.api.runtime.Loss;
import nn.api.runtime.Optimizer;
import nn.api.schema.Args;
import nn.api.train.TrainAssembly;
import nn.api.train.TrainConfig;
import nn.api.train.Trainer;
import nn.dsl.ModelCompiler;

import java.nio.file.Path;

/** The test's shared pieces: the registry, MNIST as nn reads it, and the example models trained briefly. */
final class Mnist {
    static final Registry REGISTRY = Registry.load();
    private static Dataset dataset;

    private Mnist() {
    }

    static Path project() {
        return Path.of(System.getProperty("nn.project.dir", ".."));
    }

    /** MNIST with nn's normal data resolution (NN_DATA_DIR in the build), normalised as the examples say. */
    static synchronized Dataset dataset() throws Exception {
        if (dataset == null) {
            Graph mlp = ModelCompiler.compile(project().resolve("examples/mnist-mlp.nn"), REGISTRY).graph();
            var data = mlp.train().data();
            dataset = REGISTRY.datasets().get(data.name()).load(new Args(data.args()), DataLocation.resolve(null));
        }
        return dataset;
    }

    /**
     * An example model (`examples/NAME.nn`) trained one epoch on the first `examples` training
     * images: agreement with ONNX Runtime does not depend on how well it is trained, only that
     * its weights are not the initial ones.
     */
    static Network trained(String name, int examples) throws Exception {
        Graph graph = ModelCompiler.compile(project().resolve("examples/" + name + ".nn"), REGISTRY).graph();
        TrainSpec train = graph.train();
        TrainAssembly parts = TrainAssembly.of(graph, REGISTRY, name);
        Network network = parts.network();
        Loss loss = parts.loss();
        Optimizer optimizer = parts.optimizer(network);
        Dataset data = dataset();
        new Trainer(network, loss, optimizer, new TrainConfig(train.settings().batch(), 1, train.settings().seed(), true))
                .fit(data.train().head(examples), data.test().head(100), data.normalization());
        return network;
    }
}
