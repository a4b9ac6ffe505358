package nn.onnx;

import nn.api.checkpoint.Checkpoint;
import nn.api.checkpoint.CheckpointReader;
import nn.api.checkpoint.CheckpointRestore;
import nn.api.data.Dataset;
import nn.api.network.Network;
import nn.onnx.proto.Onnx.ModelProto;

import java.nio.file.Path;

/**
 * Figures for trained checkpoints (run by benchmarks/onnx): ONNX file size, export and import
 * time in-process, and agreement with ONNX Runtime on all 10,000 MNIST test images with both
 * runtimes' inference speed (batches of 500, one thread each, timed on a second pass).
 */
public final class OnnxBenchmark {
    private OnnxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Dataset data = Mnist.dataset();
        for (String file : args) {
            Checkpoint checkpoint = CheckpointReader.read(Path.of(file));
            Network network = CheckpointRestore.network(checkpoint, Mnist.REGISTRY);
            long t0 = System.nanoTime();
            ModelProto model = OnnxExporter.export(network, checkpoint.metadata().signature());
            byte[] bytes = model.toByteArray();
            long t1 = System.nanoTime();
            OnnxImporter.convert(file, ModelProto.parseFrom(bytes), new OnnxImporter.Options("bench", "mnist", null), Mnist.REGISTRY);
            long t2 = System.nanoTime();
            OrtComparison.compare(network, model, data.testImages(), checkpoint.metadata().signature().normalization()); // warm-up
            OrtComparison.Agreement a = OrtComparison.compare(network, model, data.testImages(), checkpoint.metadata().signature().normalization());
            System.out.printf("%s (%s): ONNX %,d bytes, export %.3f s, import %.3f s (in-process); %s%n", file,
                    checkpoint.graph().name(), bytes.length, (t1 - t0) / 1e9, (t2 - t1) / 1e9, a);
        }
    }
}
