package nn.serve;

/**
 * How `nn serve` listens, batches and limits what it accepts.
 *
 * @param maxBatch       the largest forward pass the batcher gathers
 * @param maxWaitMillis  how long a gathered batch may wait for more requests that are on their way
 * @param workers        forward passes that may run at once (each with its own copy of the network)
 * @param maxBodyBytes   the largest request body
 * @param maxImageSide   the largest width or height of an uploaded image
 * @param maxInstances   the most instances in one request
 * @param timeoutMillis  how long a request may wait for its predictions before a 503
 * @param queueCapacity  instances waiting for a forward pass before new ones are turned away (503)
 */
public record ServeConfig(String host, int port, int maxBatch, int maxWaitMillis, int workers, long maxBodyBytes,
                          int maxImageSide, int maxInstances, long timeoutMillis, int queueCapacity) {

    public static ServeConfig defaults() {
        return new ServeConfig("127.0.0.1", 8080, 32, 2, 1, 1 << 20, 4096, 256, 10_000, 4096);
    }

    public ServeConfig {
        positive("port", port + 1); // 0 = any free port
        positive("max batch", maxBatch);
        positive("max wait", maxWaitMillis + 1);
        positive("workers", workers);
        positive("max body bytes", maxBodyBytes);
        positive("max image side", maxImageSide);
        positive("max instances", maxInstances);
        positive("timeout", timeoutMillis);
        positive("queue capacity", queueCapacity);
    }

    private static void positive(String what, long value) {
        if (value < 1) throw new IllegalArgumentException(what + " must be positive");
    }

    public ServeConfig withPort(int p) {
        return new ServeConfig(host, p, maxBatch, maxWaitMillis, workers, maxBodyBytes, maxImageSide, maxInstances,
                timeoutMillis, queueCapacity);
    }
}
