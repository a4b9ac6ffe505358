package nn.serve;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.IntConsumer;

/** The server's Prometheus metrics: requests, errors, latency and batch sizes, per model. */
final class ServeMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder().name("nn_requests_total")
            .help("prediction requests answered, by model and HTTP status").labelNames("model", "status")
            .register(registry);
    private final Counter errors = Counter.builder().name("nn_request_errors_total")
            .help("prediction requests answered with a 4xx or 5xx status").labelNames("model", "status")
            .register(registry);
    private final Counter instances = Counter.builder().name("nn_instances_total")
            .help("examples predicted").labelNames("model").register(registry);
    private final Histogram latency = Histogram.builder().name("nn_request_duration_seconds")
            .help("time from a prediction request's arrival to its answer").labelNames("model")
            .classicUpperBounds(0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10)
            .register(registry);
    private final Histogram batchSize = Histogram.builder().name("nn_batch_size")
            .help("examples per forward pass").labelNames("model")
            .classicUpperBounds(1, 2, 4, 8, 16, 32, 64, 128, 256).register(registry);
    private final Gauge inFlight = Gauge.builder().name("nn_requests_in_flight")
            .help("prediction requests being answered now").register(registry);

    void started() {
        inFlight.inc();
    }

    void answered(String model, int status, int examples, long nanos) {
        inFlight.dec();
        String code = Integer.toString(status);
        requests.labelValues(model, code).inc();
        if (status >= 400) errors.labelValues(model, code).inc();
        else instances.labelValues(model).inc(examples);
        latency.labelValues(model).observe(nanos / 1e9);
    }

    IntConsumer batchSizes(String model) {
        var series = batchSize.labelValues(model);
        return series::observe;
    }

    String scrape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
