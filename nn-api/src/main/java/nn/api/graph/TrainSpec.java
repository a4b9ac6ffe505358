package nn.api.graph;

/** The `train` section, every key validated and defaulted by the parser. */
public record TrainSpec(Call data, LossSpec loss, Call optimizer, int batch, int epochs, long seed,
                        boolean shuffle, String backend, int threads) {

    /** The keys a `train` section may hold, for validation and hints. */
    public static final java.util.List<String> KEYS = java.util.List.of(
            "data", "loss", "optimizer", "batch", "epochs", "seed", "shuffle", "backend", "threads");

    public TrainSpec withData(Call d) {
        return new TrainSpec(d, loss, optimizer, batch, epochs, seed, shuffle, backend, threads);
    }

    public TrainSpec withBatch(int b) {
        return new TrainSpec(data, loss, optimizer, b, epochs, seed, shuffle, backend, threads);
    }

    public TrainSpec withEpochs(int e) {
        return new TrainSpec(data, loss, optimizer, batch, e, seed, shuffle, backend, threads);
    }

    public TrainSpec withSeed(long s) {
        return new TrainSpec(data, loss, optimizer, batch, epochs, s, shuffle, backend, threads);
    }

    public TrainSpec withBackend(String b) {
        return new TrainSpec(data, loss, optimizer, batch, epochs, seed, shuffle, b, threads);
    }

    public TrainSpec withThreads(int t) {
        return new TrainSpec(data, loss, optimizer, batch, epochs, seed, shuffle, backend, t);
    }
}
