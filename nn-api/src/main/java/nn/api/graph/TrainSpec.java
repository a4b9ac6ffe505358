package nn.api.graph;

import java.util.List;

/**
 * The `train` section, every key validated and defaulted by the parser: data, loss, optimizer,
 * batch, epochs, seed, shuffling, backend and threads; the learning-rate schedule (null =
 * constant), the validation fraction and early-stopping patience, and the augmentation of
 * training images (shift in pixels, rotation in degrees; 0 = none).
 */
public record TrainSpec(Call data, LossSpec loss, Call optimizer, int batch, int epochs, long seed,
                        boolean shuffle, String backend, int threads, Call schedule, double validation,
                        int patience, int augmentShift, double augmentRotate) {

    /** The keys a `train` section may hold, for validation and hints. */
    public static final List<String> KEYS = List.of(
            "data", "loss", "optimizer", "batch", "epochs", "seed", "shuffle", "backend", "threads",
            "schedule", "validation", "patience", "augment_shift", "augment_rotate");

    /** A train section without schedule, validation or augmentation. */
    public TrainSpec(Call data, LossSpec loss, Call optimizer, int batch, int epochs, long seed, boolean shuffle,
                     String backend, int threads) {
        this(data, loss, optimizer, batch, epochs, seed, shuffle, backend, threads, null, 0, 0, 0, 0);
    }

    public TrainSpec withData(Call d) {
        return new TrainSpec(d, loss, optimizer, batch, epochs, seed, shuffle, backend, threads, schedule, validation,
                patience, augmentShift, augmentRotate);
    }

    public TrainSpec withBatch(int b) {
        return new TrainSpec(data, loss, optimizer, b, epochs, seed, shuffle, backend, threads, schedule, validation,
                patience, augmentShift, augmentRotate);
    }

    public TrainSpec withEpochs(int e) {
        return new TrainSpec(data, loss, optimizer, batch, e, seed, shuffle, backend, threads, schedule, validation,
                patience, augmentShift, augmentRotate);
    }

    public TrainSpec withSeed(long s) {
        return new TrainSpec(data, loss, optimizer, batch, epochs, s, shuffle, backend, threads, schedule, validation,
                patience, augmentShift, augmentRotate);
    }
}
