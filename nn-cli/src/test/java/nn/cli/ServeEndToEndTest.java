package nn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nn.api.data.DataLocation;
import nn.api.data.ImageSet;
import nn.api.registry.Registry;
import nn.api.spi.DatasetProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `nn serve` end to end on loopback: a checkpoint trained here on a slice of MNIST, served by
 * a separate JVM, called over HTTP as any client would, stopped with SIGTERM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    static Path dir;
    static ServeProcess server;
    static ImageSet test;

    @BeforeAll
    static void trainAndServe() throws Exception {
        CliRun run = CliRun.of("train", CliRun.example("mnist-mlp.nn"), "--epochs", "1", "--train-limit", "8000",
                "--test-limit", "200", "--out", dir.resolve("run").toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        server = ServeProcess.start(dir.resolve("serve.log"), dir.resolve("run/model.nnc").toString(), "--port", "0",
                "--max-body-bytes", "100000", "--max-instances", "16", "--max-image-side", "256", "--max-wait-ms", "5");
        DatasetProvider mnist = Registry.load().datasets().get("mnist");
        test = mnist.load(mnist.schema().defaults(), DataLocation.resolve(null)).testImages();
        PageInBrowser.serverBase = server.base;
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.base + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String instances(int from, int n) {
        StringBuilder b = new StringBuilder("{\"instances\": [");
        for (int i = from; i < from + n; i++) {
            b.append(i > from ? "," : "").append('[');
            for (int p = 0; p < 784; p++) b.append(p > 0 ? "," : "").append(test.pixels()[i * 784 + p] & 0xFF);
            b.append(']');
        }
        return b.append("]}").toString();
    }

    @Test
    @Order(1)
    void describesItsModels() throws Exception {
        assertEquals("{\"status\":\"ok\",\"models\":[\"mnist_mlp\"]}", get("/healthz").body());
        JsonNode models = JSON.readTree(get("/v1/models").body()).get("models");
        assertEquals(1, models.size());
        JsonNode m = JSON.readTree(get("/v1/models/mnist_mlp").body());
        assertEquals(m, models.get(0));
        assertEquals("[1,28,28]", m.get("inputs").get(0).get("shape").toString());
        assertEquals(10, m.get("classes").size());
        assertEquals(0.5, m.get("preprocessing").get("normalization").get("mean").asDouble());
        assertEquals(100, m.get("test_examples").asInt());
    }

    @Test
    @Order(2)
    void predictsTestImagesSentAsJsonAndAsPictures() throws Exception {
        HttpResponse<String> r = post("/v1/models/mnist_mlp:predict", "application/json", instances(0, 16).getBytes());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode predictions = JSON.readTree(r.body()).get("predictions");
        assertEquals(16, predictions.size());
        int correct = 0;
        for (int i = 0; i < 16; i++) {
            JsonNode p = predictions.get(i);
            double sum = 0;
            for (JsonNode v : p.get("probabilities")) sum += v.asDouble();
            assertEquals(1, sum, 1e-6);
            if (p.get("class").asInt() == test.label(i)) correct++;
        }
        assertTrue(correct >= 13, correct + "/16 right: " + r.body());

        int pictureRight = 0;
        for (int i = 0; i < 6; i++) {
            byte[] png = png(i);
            JsonNode asImage = JSON.readTree(post("/v1/models/mnist_mlp:predict", "image/png", png).body());
            JsonNode asB64 = JSON.readTree(post("/v1/models/mnist_mlp:predict", "application/json",
                    ("{\"instances\": [{\"b64\": \"" + Base64.getEncoder().encodeToString(png) + "\"}]}").getBytes()).body());
            assertEquals(asImage, asB64);
            if (asImage.get("predictions").get(0).get("class").asInt() == test.label(i)) pictureRight++;
        }
        assertTrue(pictureRight >= 5, pictureRight + "/6");
    }

    private static byte[] png(int i) throws Exception {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, 28, 28, java.util.Arrays.copyOfRange(test.pixels(), i * 784, (i + 1) * 784));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    record Bad(String what, String path, String type, byte[] body, int status, String says) {
    }

    @Test
    @Order(3)
    void badInputIsA4xxThatSaysWhatWasExpected() throws Exception {
        BufferedImage big = new BufferedImage(300, 20, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream bigPng = new ByteArrayOutputStream();
        ImageIO.write(big, "png", bigPng);
        List<Bad> cases = List.of(
                new Bad("malformed JSON", ":predict", "application/json", "{\"instances\": [".getBytes(), 400, "malformed JSON"),
                new Bad("no instances", ":predict", "application/json", "{\"inputs\": []}".getBytes(), 400, "{\"instances\": [...]}"),
                new Bad("wrong shape", ":predict", "application/json", "{\"instances\": [[1, 2, 3]]}".getBytes(), 400, "expected 784 numbers"),
                new Bad("not numbers", ":predict", "application/json", "{\"instances\": [[\"a\"]]}".getBytes(), 400, "expected 784 numbers"),
                new Bad("wrong input name", ":predict", "application/json", "{\"instances\": [{\"pixels\": [1]}]}".getBytes(), 400, "expected the input 'image'"),
                new Bad("not an image", ":predict", "image/png", "GIF89a? no".getBytes(), 400, "expected PNG, JPEG"),
                new Bad("image too large", ":predict", "image/png", bigPng.toByteArray(), 413, "expected at most 256x256"),
                new Bad("too many instances", ":predict", "application/json", instances(0, 17).getBytes(), 413, "at most 16"),
                new Bad("body too large", ":predict", "application/json", new byte[150_000], 413, "at most 100000"),
                new Bad("unsupported type", ":predict", "application/xml", "<x/>".getBytes(), 415, "expected application/json or an image"),
                new Bad("unknown model", "-nope:predict", "application/json", instances(0, 1).getBytes(), 404, "no model named 'mnist_mlp-nope'"));
        for (Bad bad : cases) {
            HttpResponse<String> r = post("/v1/models/mnist_mlp" + bad.path, bad.type, bad.body);
            assertEquals(bad.status, r.statusCode(), bad.what + ": " + r.body());
            JsonNode error = JSON.readTree(r.body());
            assertTrue(error.get("error").asText().contains(bad.says), bad.what + ": " + r.body());
        }
        assertEquals(404, get("/v1/models/nope").statusCode());
    }

    @Test
    @Order(4)
    void concurrentRequestsAreBatchedAndCounted() throws Exception {
        String before = get("/metrics").body();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int client = c;
            results.add(clients.submit(() -> {
                int ok = 0;
                for (int i = 0; i < 25; i++) {
                    if (post("/v1/models/mnist_mlp:predict", "application/json", instances(client, 1).getBytes()).statusCode() == 200) ok++;
                }
                return ok;
            }));
        }
        int ok = 0;
        for (Future<Integer> f : results) ok += f.get();
        clients.shutdown();
        assertEquals(200, ok);
        String metrics = get("/metrics").body();
        double answered = value(metrics, "nn_requests_total{model=\"mnist_mlp\",status=\"200\"}")
                - value(before, "nn_requests_total{model=\"mnist_mlp\",status=\"200\"}");
        assertEquals(200, answered, metrics);
        double passes = value(metrics, "nn_batch_size_count{model=\"mnist_mlp\"}") - value(before, "nn_batch_size_count{model=\"mnist_mlp\"}");
        double examples = value(metrics, "nn_batch_size_sum{model=\"mnist_mlp\"}") - value(before, "nn_batch_size_sum{model=\"mnist_mlp\"}");
        assertEquals(200, examples, metrics);
        assertTrue(passes <= 200, metrics);
        assertTrue(metrics.contains("nn_request_duration_seconds_bucket{model=\"mnist_mlp\",le=\"0.01\"}"), metrics);
        assertTrue(value(metrics, "nn_request_errors_total{model=\"mnist_mlp\",status=\"400\"}") >= 1, metrics);
    }

    private static double value(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst().orElse(0);
    }

    @Test
    @Order(5)
    void thePageShowsAPredictionForADrawnDigitAndTheTestStrip() throws Exception {
        PageInBrowser.drawAndRead(dir);
    }

    @Test
    @Order(6)
    void sigtermFinishesWhatIsInFlightAndExitsZero() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<List<Integer>>> statuses = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            statuses.add(clients.submit(() -> {
                List<Integer> codes = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    try {
                        codes.add(post("/v1/models/mnist_mlp:predict", "application/json", instances(0, 4).getBytes()).statusCode());
                    } catch (java.io.IOException refused) { // after the server closed
                        break;
                    }
                }
                return codes;
            }));
        }
        Thread.sleep(1500);
        assertEquals(0, server.terminate(), server.output.toString());
        clients.shutdown();
        int answered = 0;
        for (Future<List<Integer>> f : statuses) {
            for (int code : f.get()) {
                assertTrue(code == 200 || code == 503, "status " + code);
                if (code == 200) answered++;
            }
        }
        assertTrue(answered > 0);
        assertTrue(server.output.toString().contains("nn serve: stopped"), server.output.toString());
    }
}
