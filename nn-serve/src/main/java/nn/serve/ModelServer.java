package nn.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import nn.api.inference.ImageDecoder;
import nn.api.inference.Model;
import nn.api.inference.Prediction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * `nn serve`: trained models behind HTTP (Javalin on Jetty). A JSON and image prediction API
 * with dynamic batching, model descriptions, health, Prometheus metrics and the drawing page.
 */
public final class ModelServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);
    private static final String PREDICT = ":predict";
    /** Read as JSON: curl -d sends form-urlencoded unless told otherwise, and that should not be a trap. */
    private static final List<String> JSON_TYPES = List.of("application/json", "text/plain", "application/x-www-form-urlencoded");

    private final ServeConfig config;
    private final Map<String, ServedModel> models = new LinkedHashMap<>();
    private final ServeMetrics metrics = new ServeMetrics();
    private final Instances instances;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Javalin app;
    private volatile boolean draining;

    /** @param models the models to serve with their test images; names must differ */
    public ModelServer(Map<Model, TestExamples> models, ServeConfig config) {
        this.config = config;
        for (Map.Entry<Model, TestExamples> e : models.entrySet()) {
            Model m = e.getKey();
            if (this.models.containsKey(m.name())) {
                throw new IllegalArgumentException("two models are named '" + m.name() + "'; serve each name once");
            }
            this.models.put(m.name(), new ServedModel(m, new Batcher(m, config, metrics.batchSizes(m.name())), e.getValue()));
        }
        this.instances = new Instances(Json.MAPPER, new ImageDecoder(config.maxImageSide()), config.maxInstances());
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.maxRequestSize = config.maxBodyBytes();
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/nn/serve/web";
                s.location = Location.CLASSPATH;
            });
            c.routes.get("/healthz", this::health);
            c.routes.get("/metrics", ctx -> ctx.contentType(ServeMetrics.contentType()).result(metrics.scrape()));
            c.routes.get("/v1/models", this::list);
            c.routes.get("/v1/models/{name}", this::describe);
            c.routes.get("/v1/models/{name}/examples", this::examples);
            c.routes.post("/v1/models/{target}", this::predict);
            c.routes.exception(BadRequest.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
            c.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                    e.getStatus() == 413 ? "the body is larger than " + config.maxBodyBytes() + " bytes" : e.getMessage()));
            c.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request failed", e);
                error(ctx, 500, "internal error: " + e.getClass().getSimpleName());
            });
            c.routes.error(404, "*", ctx -> {
                if (ctx.result() == null) error(ctx, 404, "no such path: " + ctx.method() + " " + ctx.path()
                        + "; see GET /v1/models");
            });
        });
    }

    /** Starts listening; returns the port (the actual one when configured as 0). */
    public int start() {
        app.start();
        return app.port();
    }

    public int port() {
        return app.port();
    }

    private void health(Context ctx) {
        if (draining) {
            error(ctx, 503, "shutting down");
            return;
        }
        ctx.contentType("application/json").result(Json.MAPPER.createObjectNode().put("status", "ok")
                .set("models", Json.MAPPER.valueToTree(models.keySet())).toString());
    }

    private void list(Context ctx) {
        var root = Json.MAPPER.createObjectNode();
        var list = root.putArray("models");
        for (ServedModel m : models.values()) list.add(Json.describe(m, config));
        ctx.contentType("application/json").result(root.toString());
    }

    private void describe(Context ctx) {
        ServedModel m = model(ctx.pathParam("name"));
        ctx.contentType("application/json").result(Json.describe(m, config).toString());
    }

    private void examples(Context ctx) {
        ServedModel m = model(ctx.pathParam("name"));
        int n;
        try {
            n = Integer.parseInt(ctx.queryParamAsClass("n", String.class).getOrDefault("10"));
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "n must be a whole number of examples (1 to 100)");
        }
        if (n < 1 || n > 100) throw new BadRequest(400, "n must be between 1 and 100, not " + n);
        ctx.contentType("application/json").result(Json.examples(m, n).toString());
    }

    private ServedModel model(String name) {
        ServedModel m = models.get(name);
        if (m == null) throw new BadRequest(404, "no model named '" + name + "'; this server has " + models.keySet());
        return m;
    }

    private void predict(Context ctx) {
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        metrics.started();
        String target = ctx.pathParam("target");
        String name = target.endsWith(PREDICT) ? target.substring(0, target.length() - PREDICT.length()) : target;
        int status = 200;
        int examples = 0;
        try {
            if (!target.endsWith(PREDICT)) throw new BadRequest(404, "POST to /v1/models/" + target + PREDICT + " to predict");
            if (draining) throw new Batcher.Unavailable("the server is shutting down");
            ServedModel served = model(name);
            List<float[]> inputs = read(ctx, served);
            examples = inputs.size();
            List<CompletableFuture<Prediction>> futures = served.batcher().submit(inputs);
            List<Prediction> predictions = await(futures, start);
            ctx.contentType("application/json").result(Json.predictions(predictions).toString());
        } catch (BadRequest e) {
            status = e.status;
            error(ctx, status, e.getMessage());
        } catch (HttpResponseException e) {
            status = e.getStatus();
            error(ctx, status, status == 413 ? "the body is larger than " + config.maxBodyBytes() + " bytes" : e.getMessage());
        } catch (Batcher.Unavailable e) {
            status = 503;
            error(ctx, status, e.getMessage());
        } catch (RuntimeException e) {
            status = 500;
            LOG.error("prediction failed", e);
            error(ctx, status, "internal error: " + e.getClass().getSimpleName());
        } finally {
            metrics.answered(models.containsKey(name) ? name : "", status, examples, System.nanoTime() - start);
            inFlight.decrementAndGet();
        }
    }

    /** The body as model inputs: JSON instances, or one image. The batcher waits while it is read. */
    private List<float[]> read(Context ctx, ServedModel served) {
        long declared = ctx.contentLength();
        if (declared > config.maxBodyBytes()) {
            throw new BadRequest(413, "the body is " + declared + " bytes; at most " + config.maxBodyBytes());
        }
        String type = ctx.contentType() == null ? "application/json" : ctx.contentType().toLowerCase();
        boolean image = type.startsWith("image/");
        if (!image && !JSON_TYPES.stream().anyMatch(type::startsWith)) {
            throw new BadRequest(415, "content type " + type + "; expected application/json or an image (image/png, image/jpeg)");
        }
        served.batcher().arriving();
        byte[] body;
        try {
            body = ctx.bodyAsBytes();
        } finally {
            served.batcher().arrived();
        }
        if (body.length > config.maxBodyBytes()) {
            throw new BadRequest(413, "the body is larger than " + config.maxBodyBytes() + " bytes");
        }
        if (image) return List.of(instances.fromImage(body, served.model()));
        return instances.fromJson(body, served.model());
    }

    private List<Prediction> await(List<CompletableFuture<Prediction>> futures, long start) {
        List<Prediction> out = new ArrayList<>(futures.size());
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(config.timeoutMillis());
        try {
            for (CompletableFuture<Prediction> f : futures) out.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            futures.forEach(f -> f.cancel(false));
            throw new Batcher.Unavailable("no answer within " + config.timeoutMillis() + " ms; the server is busy, retry later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Batcher.Unavailable("interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the forward pass failed", e.getCause());
        }
        return out;
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).contentType("application/json").result(Json.error(status, message));
    }

    /**
     * Graceful stop: new predictions are refused (503), those in flight are answered, the
     * batchers finish their queues, then the server closes.
     */
    @Override
    public void close() {
        draining = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.timeoutMillis() + 1000);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (ServedModel m : models.values()) m.batcher().close();
        app.stop();
        for (ServedModel m : models.values()) m.model().close();
    }
}
