package org.example.embedding;

import nn.api.inference.Model;
import nn.api.inference.Prediction;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Classifies pictures with a model trained by `nn train`:
 * {@code java org.example.embedding.Classify model.nnc digit1.png digit2.jpg ...}
 */
public final class Classify {
    private Classify() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Classify MODEL.nnc IMAGE...");
            System.exit(2);
        }
        run(args, System.out);
    }

    static void run(String[] args, PrintStream out) throws Exception {
        // Two copies of the network: up to two threads predict at once, the others wait their turn.
        try (Model model = Model.load(Path.of(args[0]), Model.Options.DEFAULTS.withReplicas(2))) {
            out.printf("%s: input %s, classes %s%n", model.name(), model.inputShape(), model.classNames());

            // One picture per task, from a small thread pool: the model is safe to share.
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Prediction>> answers = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                BufferedImage image = read(Path.of(args[i]));
                answers.add(pool.submit(() -> model.predict(image))); // resized, grey, inverted as needed
            }
            for (int i = 0; i < answers.size(); i++) {
                Prediction.Classification p = (Prediction.Classification) answers.get(i).get();
                out.printf("%s: %s (%.1f %%)%n", args[i + 1], p.className(), 100 * p.probability());
            }
            pool.shutdown();

            // Raw values work too: here an all-black 28x28 picture as pixels 0..255, in a batch of one.
            float[] blank = new float[(int) model.inputShape().size()];
            Prediction.Classification p = (Prediction.Classification) model.predictBatch(List.of(blank)).get(0);
            out.printf("blank: %s (%.1f %%)%n", p.className(), 100 * p.probability());
        }
    }

    private static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) throw new IOException(file + ": not an image");
        return image;
    }
}
