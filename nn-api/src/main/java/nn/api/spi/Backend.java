package nn.api.spi;

import java.util.Map;

/**
 * A compute backend (`cpu`, `cuda`). Probing never initialises ND4J; activating does,
 * so only the selected backend is ever activated.
 */
public interface Backend {

    /** Whether a backend can run here and, if not, why, in words a user can act on. */
    record Availability(boolean available, String reason) {
        public static Availability yes() {
            return new Availability(true, "available");
        }

        public static Availability no(String reason) {
            return new Availability(false, reason);
        }
    }

    /** Settings applied when the backend starts. */
    record Options(int threads) {
    }

    String name();

    /** Higher wins in `auto` selection. */
    int rank();

    Availability probe();

    /** Starts the backend; throws BackendException with a clear message when it cannot. */
    void activate(Options options);

    /** Facts for `nn doctor` and checkpoints: versions, native variant, threads. */
    Map<String, String> describe();
}
