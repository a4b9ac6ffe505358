package nn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nn.api.data.DataLocation;
import nn.api.data.ImageSet;
import nn.api.inference.Model;
import nn.api.inference.Prediction;
import nn.api.registry.Registry;
import nn.api.spi.DatasetProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ensembles of three small classifiers trained here on a slice of MNIST (different seeds and
 * widths): `nn eval A B C`, the Java API's {@link Model#ensemble} and `nn serve --ensemble` agree
 * with each other and with the mean of the members' own probabilities.
 */
class EnsembleTest {
    static final int TEST = 300;

    @TempDir
    static Path dir;
    static List<Path> checkpoints = new ArrayList<>();
    static ImageSet test;

    @BeforeAll
    static void trainThree() throws Exception {
        String[][] runs = {{"1", "16"}, {"2", "24"}, {"3", "32"}};
        Path file = dir.resolve("small.nn");
        java.nio.file.Files.writeString(file, SweepCommandTest.TINY);
        for (String[] r : runs) {
            Path out = dir.resolve("seed" + r[0]);
            CliRun run = CliRun.of("train", file.toString(), "--seed", r[0], "--set", "width=" + r[1], "--epochs", "2",
                    "--train-limit", "2000", "--test-limit", Integer.toString(TEST), "--out", out.toString(), "--no-progress");
            assertEquals(0, run.exitCode(), run.err());
            checkpoints.add(out.resolve("model.nnc"));
        }
        DatasetProvider mnist = Registry.load().datasets().get("mnist");
        test = mnist.load(mnist.schema().defaults(), DataLocation.resolve(null)).testImages(TEST);
    }

    static float[] raw(int i) {
        float[] x = new float[784];
        for (int p = 0; p < 784; p++) x[p] = test.pixels()[i * 784 + p] & 0xFF;
        return x;
    }

    static List<float[]> all() {
        List<float[]> xs = new ArrayList<>();
        for (int i = 0; i < TEST; i++) xs.add(raw(i));
        return xs;
    }

    static double accuracy(List<Prediction> ps) {
        int correct = 0;
        for (int i = 0; i < ps.size(); i++) if (((Prediction.Classification) ps.get(i)).classIndex() == test.label(i)) correct++;
        return (double) correct / ps.size();
    }

    @Test
    void evalReportsEachMemberAndTheEnsembleAsTheJavaApiComputesThem() throws Exception {
        CliRun eval = CliRun.of("eval", checkpoints.get(0).toString(), checkpoints.get(1).toString(),
                checkpoints.get(2).toString());
        assertEquals(0, eval.exitCode(), eval.err());
        assertTrue(eval.out().startsWith("ensemble of 3 checkpoints on mnist test split (300 examples)"), eval.out());

        List<Model> members = new ArrayList<>();
        for (Path c : checkpoints) members.add(Model.load(c));
        try (Model ensemble = Model.ensemble("trio", members)) {
            for (int k = 0; k < 3; k++) {
                double expected = 100 * accuracy(members.get(k).predictBatch(all()));
                assertTrue(eval.out().contains(String.format("%6.2f %%", expected)), k + ": " + expected + "\n" + eval.out());
                CliRun single = CliRun.of("eval", checkpoints.get(k).toString());
                assertTrue(single.out().contains(String.format("test accuracy: %.2f %%", expected)), single.out());
            }
            double together = 100 * accuracy(ensemble.predictBatch(all()));
            assertTrue(eval.out().contains(String.format("test accuracy of the ensemble: %.2f %%", together)),
                    together + "\n" + eval.out());

            // The ensemble's probabilities are the mean of its members'.
            Prediction.Classification e = (Prediction.Classification) ensemble.predict(raw(7));
            for (int c = 0; c < 10; c++) {
                double mean = 0;
                for (Model m : members) mean += ((Prediction.Classification) m.predict(raw(7))).probabilities()[c] / 3;
                assertEquals(mean, e.probabilities()[c], 1e-12);
            }
            assertEquals(3, ensemble.members().size());
            assertEquals("trio", ensemble.name());
        }
    }

    @Test
    void anEnsembleNeedsTwoModelsOfOneTask() throws Exception {
        try (Model one = Model.load(checkpoints.get(0))) {
            assertThrows(IllegalArgumentException.class, () -> Model.ensemble("solo", List.of(one)));
        }
        CliRun confusion = CliRun.of("eval", checkpoints.get(0).toString(), checkpoints.get(1).toString(),
                "--confusion", dir.resolve("c.png").toString());
        assertEquals(2, confusion.exitCode());
    }

    @Test
    void serveAnswersWithTheEnsemblesMeanProbabilities() throws Exception {
        String members = checkpoints.get(0) + "," + checkpoints.get(1) + "," + checkpoints.get(2);
        List<Model> loaded = new ArrayList<>();
        for (Path c : checkpoints) loaded.add(Model.load(c));
        try (Model ensemble = Model.ensemble("trio", loaded);
             ServeProcess server = ServeProcess.start(dir.resolve("serve.log"), "--ensemble", "trio=" + members,
                     "--port", "0")) {
            StringBuilder body = new StringBuilder("{\"instances\": [");
            for (int i = 0; i < 4; i++) {
                body.append(i > 0 ? "," : "").append('[');
                float[] x = raw(i);
                for (int p = 0; p < 784; p++) body.append(p > 0 ? "," : "").append((int) x[p]);
                body.append(']');
            }
            body.append("]}");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(server.base + "/v1/models/trio:predict")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode predictions = new ObjectMapper().readTree(r.body()).get("predictions");
            for (int i = 0; i < 4; i++) {
                double[] expected = ((Prediction.Classification) ensemble.predict(raw(i))).probabilities();
                for (int c = 0; c < 10; c++) {
                    assertEquals(expected[c], predictions.get(i).get("probabilities").get(c).asDouble(), 1e-5);
                }
            }
        }
    }
}
