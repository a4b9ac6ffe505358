package nn.onnx;

import nn.api.checkpoint.Checkpoint;
import nn.api.checkpoint.CheckpointRestore;
import nn.api.checkpoint.ModelSignature;
import nn.api.data.Dataset;
import nn.api.network.Network;
import nn.onnx.proto.Onnx.ModelProto;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lecture's MLP and CNN, trained briefly, exported and run by ONNX Runtime on all 10,000
 * MNIST test images: the same class for every image as nn, logits within 1e-4; then imported
 * back, with outputs identical to the network that was exported.
 */
class OnnxRuntimeAgreementTest {

    @Test
    void lectureMlpAgreesWithOnnxRuntimeAndSurvivesARoundTrip() throws Exception {
        check("mnist-mlp", 2000);
    }

    @Test
    void lectureCnnAgreesWithOnnxRuntimeAndSurvivesARoundTrip() throws Exception {
        check("mnist-cnn", 256);
    }

    private static void check(String example, int trainingImages) throws Exception {
        Dataset data = Mnist.dataset();
        Network network = Mnist.trained(example, trainingImages);
        ModelProto model = OnnxExporter.export(network, ModelSignature.of(network.inputShape().dims(), data));

        OrtComparison.Agreement agreement = OrtComparison.compare(network, model, data.testImages(), data.normalization());
        System.out.println(example + " vs ONNX Runtime: " + agreement + ", " + model.getSerializedSize() + " bytes");
        assertEquals(data.testImages().count(), agreement.samePrediction(), agreement.toString());
        assertTrue(agreement.maxLogitDifference() <= 1e-4, agreement.toString());

        Checkpoint imported = OnnxImporter.convert(example + ".onnx", model,
                new OnnxImporter.Options("round_trip", "mnist", null), Mnist.REGISTRY).checkpoint();
        assertEquals(data.normalization(), imported.metadata().signature().normalization());
        Network back = CheckpointRestore.network(imported, Mnist.REGISTRY);
        float[][] before = OrtComparison.outputs(network, data.testImages(), data.normalization(), 500);
        float[][] after = OrtComparison.outputs(back, data.testImages(), data.normalization(), 500);
        for (int i = 0; i < before.length; i++) assertArrayEquals(before[i], after[i], 0f, "image " + i);
    }
}
