package nn.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nn.api.checkpoint.Checkpoint;
import nn.api.checkpoint.CheckpointRestore;
import nn.api.data.Dataset;
import nn.api.data.Normalization;
import nn.api.network.Network;
import nn.api.train.ConfusionMatrix;
import nn.api.train.Evaluator;
import nn.dsl.ModelCompiler;
import nn.onnx.proto.Onnx.ModelProto;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Models trained and exported by PyTorch (fixtures/make_fixtures.py) imported into nn: the
 * .nn text compiles, and nn's test accuracy is the one PyTorch reported (pytorch_accuracy.json).
 */
class PyTorchImportTest {
    private static final Path FIXTURES = Mnist.project().resolve("nn-onnx/src/test/resources/fixtures");

    @ParameterizedTest
    @ValueSource(strings = {"torch_mlp", "torch_cnn"})
    void importedModelHasPyTorchsAccuracy(String name) throws Exception {
        JsonNode report = new ObjectMapper().readTree(FIXTURES.resolve("pytorch_accuracy.json").toFile());
        Normalization normalization = new Normalization(report.get("normalize").get(0).asDouble(),
                report.get("normalize").get(1).asDouble());
        ModelProto model = OnnxReader.read(FIXTURES.resolve(name + ".onnx"));
        OnnxImporter.Imported imported = OnnxImporter.convert(name + ".onnx", model,
                new OnnxImporter.Options(name, "mnist", normalization), Mnist.REGISTRY);
        System.out.println(imported.source());
        ModelCompiler.compile(name + ".nn", imported.source(), Mnist.REGISTRY); // what `nn check` does

        Checkpoint checkpoint = imported.checkpoint();
        Network network = CheckpointRestore.network(checkpoint, Mnist.REGISTRY);
        Dataset data = Mnist.dataset();
        ConfusionMatrix matrix = Evaluator.confusion(network, data.testImages(), checkpoint.metadata().signature().normalization());
        int pytorch = report.get(name).get("correct").asInt();
        System.out.printf("%s: nn %d/%d correct, PyTorch %d%n", name, matrix.correct(), matrix.total(), pytorch);
        assertEquals(data.testImages().count(), matrix.total());
        // float sums in another order may flip an image whose two best logits tie to 1e-6; none did when written
        assertTrue(Math.abs(matrix.correct() - pytorch) <= 1, name + ": nn " + matrix.correct() + ", PyTorch " + pytorch);

        OrtComparison.Agreement agreement = OrtComparison.compare(network, model, data.testImages(), normalization);
        System.out.println(name + " (nn import vs ONNX Runtime on PyTorch's file): " + agreement);
        assertEquals(data.testImages().count(), agreement.samePrediction(), agreement.toString());
        assertTrue(agreement.maxLogitDifference() <= 1e-4, agreement.toString());
    }
}
