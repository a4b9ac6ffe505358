// The Java API's own throughput, for comparison with `nn serve`: single-image predictions from
// T threads sharing one Model (R replicas), for D seconds. Run as a single-file program on nn.jar:
//   java -cp nn-cli/target/nn.jar benchmarks/ServeApiBench.java MODEL.nnc BODY.json THREADS SECONDS [REPLICAS]
// BODY.json is the request body the HTTP load uses ({"instances": [[784 pixels]]}), so both predict the same image.
import nn.api.inference.Model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

public class ServeApiBench {
    public static void main(String[] args) throws Exception {
        Path checkpoint = Path.of(args[0]);
        String body = Files.readString(Path.of(args[1]));
        int threads = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int replicas = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        String numbers = body.substring(body.indexOf("[[") + 2, body.indexOf("]]"));
        float[] pixels = new float[784];
        String[] parts = numbers.split(",");
        for (int i = 0; i < parts.length; i++) pixels[i] = Float.parseFloat(parts[i].trim());
        try (Model model = Model.load(checkpoint, Model.Options.DEFAULTS.withReplicas(replicas))) {
            for (int i = 0; i < 2000; i++) model.predict(pixels); // warm-up
            AtomicBoolean running = new AtomicBoolean(true);
            List<long[]> latencies = new ArrayList<>();
            List<Thread> workers = new ArrayList<>();
            int[] counts = new int[threads];
            for (int t = 0; t < threads; t++) {
                long[] mine = new long[5_000_000];
                latencies.add(mine);
                int id = t;
                Thread w = new Thread(() -> {
                    int n = 0;
                    while (running.get() && n < mine.length) {
                        long start = System.nanoTime();
                        model.predict(pixels);
                        mine[n++] = System.nanoTime() - start;
                    }
                    counts[id] = n;
                });
                workers.add(w);
            }
            long start = System.nanoTime();
            workers.forEach(Thread::start);
            Thread.sleep(seconds * 1000L);
            running.set(false);
            for (Thread w : workers) w.join();
            double elapsed = (System.nanoTime() - start) / 1e9;
            int total = Arrays.stream(counts).sum();
            long[] all = new long[total];
            int k = 0;
            for (int t = 0; t < threads; t++) {
                System.arraycopy(latencies.get(t), 0, all, k, counts[t]);
                k += counts[t];
            }
            Arrays.sort(all);
            System.out.printf("%s java-api threads=%d replicas=%d: %d predictions in %.1f s = %.0f/s, p50 %.3f ms, p99 %.3f ms%n",
                    model.name(), threads, replicas, total, elapsed, total / elapsed, all[total / 2] / 1e6,
                    all[(int) (total * 0.99)] / 1e6);
        }
    }
}
