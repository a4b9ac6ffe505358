package nn.api.runtime;

import nn.api.data.ImageSet;
import nn.api.data.Normalization;
import nn.api.graph.Graph;
import nn.api.graph.GraphInput;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.network.Network;
import nn.api.network.NetworkBuilder;
import nn.api.registry.Registry;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.ActivationProvider;
import nn.api.spi.BaseProvider;
import nn.api.spi.OptimizerProvider;
import nn.api.train.EpochMetrics;
import nn.api.train.TrainConfig;
import nn.api.train.Trainer;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A layer written the simple way, allocating new arrays on every call as a plugin author would,
 * must train in bounded native memory: the framework, not the plugin, frees each step's arrays.
 */
class StepMemoryTest {
    /** swish written with ordinary allocating ND4J calls: about 8 new arrays a step. */
    static final class Wasteful implements Activation {
        @Override
        public void forward(INDArray x, INDArray y) {
            y.assign(Transforms.sigmoid(x.mul(2.0), false).muli(x));
        }

        @Override
        public void backward(INDArray x, INDArray y, INDArray gy, INDArray gx) {
            INDArray s = Transforms.sigmoid(x.mul(2.0), false);
            gx.assign(s.rsub(1).muli(s).muli(x).muli(2.0).addi(s).muli(gy));
        }

        @Override
        public double value(double x) {
            return x / (1 + Math.exp(-2 * x));
        }

        @Override
        public double derivative(double x) {
            double s = 1 / (1 + Math.exp(-2 * x));
            return s + 2 * x * s * (1 - s);
        }
    }

    static final class WastefulProvider extends BaseProvider implements ActivationProvider {
        WastefulProvider() {
            super("wasteful", "allocates freely", Schema.of());
        }

        @Override
        public Activation create(Args args) {
            return new Wasteful();
        }
    }

    static Registry withWasteful() {
        Registry base = Registry.load();
        Map<String, ActivationProvider> activations = new TreeMap<>(base.activations());
        activations.put("wasteful", new WastefulProvider());
        return new Registry(base.layers(), base.merges(), activations, base.losses(), base.optimizers(),
                base.initializers(), base.schedules(), base.datasets(), base.backends());
    }

    static ImageSet images(int n, long seed) {
        Random rng = new Random(seed);
        int size = 16 * 32 * 32;
        byte[] pixels = new byte[n * size];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) rng.nextInt(2);
            for (int j = 0; j < size; j++) pixels[i * size + j] = (byte) (rng.nextInt(100) + 100 * labels[i]);
        }
        return new ImageSet(pixels, labels, n, 16, 32, 32, 2);
    }

    @Test
    void aFreelyAllocatingActivationTrainsInBoundedNativeMemory() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Registry registry = withWasteful();
        Graph graph = new Graph("wasteful", List.of(new GraphInput("x", Shape.of(16, 32, 32))), List.of(
                new Node("w", "wasteful", List.of("x"), Map.of()),
                new Node("f", "flatten", List.of("w"), Map.of()),
                new Node("out", "dense", List.of("f"), Map.of("units", 2, "bias", true, "init", "xavier"))),
                List.of("out"), null);
        Network network = new NetworkBuilder(registry).seed(1).build(graph);
        OptimizerProvider sgd = registry.optimizers().get("sgd");
        Trainer trainer = new Trainer(network, registry.losses().get("cross_entropy").create(Args.EMPTY),
                sgd.create(sgd.schema().bind(List.of(), Map.of("lr", 0.01), (w, m, h) -> {
                    throw new AssertionError(m);
                })), new TrainConfig(64, 1, 1, true));
        ImageSet train = images(640, 1);
        ImageSet test = images(64, 2);
        trainer.fit(train, test, Normalization.NONE); // the workspaces learn their sizes
        long before = Pointer.physicalBytes();
        // 30 more epochs of 10 steps: each step allocates about 8 arrays of 4 MB, 1.2 GB in all
        Trainer longer = new Trainer(network, registry.losses().get("cross_entropy").create(Args.EMPTY),
                sgd.create(sgd.schema().bind(List.of(), Map.of("lr", 0.01), (w, m, h) -> {
                    throw new AssertionError(m);
                })), new TrainConfig(64, 30, 1, true));
        List<EpochMetrics> history = longer.fit(train, test, Normalization.NONE);
        long grown = Pointer.physicalBytes() - before;
        assertEquals(30, history.size());
        assertTrue(grown < 200L << 20, "resident memory grew by " + (grown >> 20) + " MB over 300 steps");
    }
}
