package nn.serve;

import nn.api.inference.Model;
import nn.api.inference.Prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Dynamic batching: instances from concurrent requests queue up, and each worker takes what is
 * waiting (up to the maximum batch) into one forward pass. A worker waits up to a few
 * milliseconds for more only while other requests are being read, so a lone client is never
 * delayed for a batch that cannot come.
 */
final class Batcher implements AutoCloseable {
    private record Job(float[] input, CompletableFuture<Prediction> result) {
    }

    private final Model model;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final BlockingQueue<Job> queue;
    private final AtomicInteger arriving = new AtomicInteger(); // requests being read, not yet queued
    private final IntConsumer batchSizes;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    Batcher(Model model, ServeConfig config, IntConsumer batchSizes) {
        this.model = model;
        this.maxBatch = config.maxBatch();
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(config.maxWaitMillis());
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.batchSizes = batchSizes;
        for (int i = 0; i < config.workers(); i++) {
            Thread t = new Thread(this::work, "nn-batch-" + model.name() + "-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
    }

    /** Marks a request as on its way (its body being read), so workers wait for it; call {@link #arrived} after. */
    void arriving() {
        arriving.incrementAndGet();
    }

    void arrived() {
        arriving.decrementAndGet();
    }

    /** Queues preprocessed instances; a full queue turns the whole request away. */
    List<CompletableFuture<Prediction>> submit(List<float[]> inputs) {
        if (!running) throw new Unavailable("the server is shutting down");
        List<CompletableFuture<Prediction>> results = new ArrayList<>(inputs.size());
        List<Job> jobs = new ArrayList<>(inputs.size());
        for (float[] x : inputs) {
            Job job = new Job(x, new CompletableFuture<>());
            jobs.add(job);
            results.add(job.result);
        }
        synchronized (queue) { // all of a request's instances or none
            if (queue.remainingCapacity() < jobs.size()) {
                throw new Unavailable("the server is overloaded (" + queue.size() + " instances queued); retry later");
            }
            queue.addAll(jobs);
        }
        return results;
    }

    private void work() {
        List<Job> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Job first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, maxBatch - batch.size());
                long deadline = System.nanoTime() + maxWaitNanos;
                while (batch.size() < maxBatch && arriving.get() > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) break;
                    Job next = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) break;
                    batch.add(next);
                    queue.drainTo(batch, maxBatch - batch.size());
                }
                run(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void run(List<Job> batch) {
        batchSizes.accept(batch.size());
        try {
            List<Prediction> predictions = model.predictInputs(batch.stream().map(Job::input).toList());
            for (int i = 0; i < batch.size(); i++) batch.get(i).result.complete(predictions.get(i));
        } catch (RuntimeException | Error e) {
            for (Job j : batch) j.result.completeExceptionally(e);
        }
    }

    int queued() {
        return queue.size();
    }

    /** Stops taking instances, lets the workers finish what is queued, and waits for them. */
    @Override
    public void close() {
        running = false;
        for (Thread t : workers) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Turned away for load or shutdown: a 503, not a fault. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }
}
