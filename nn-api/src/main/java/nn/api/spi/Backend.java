package nn.api.spi;

import java.util.Map;
import java.util.Set;

/**
 * A compute backend (`cpu`, `cuda`). Probing never initialises ND4J; activating does,
 * so only the selected backend is ever activated.
 */
public interface Backend {

    /**
     * Whether a backend can run here and, if not, why, in words a user can act on. `built` is
     * false when this nn was built without the backend's libraries at all: then `auto` passes it
     * over in silence, since nothing the user asked for or could expect is missing.
     */
    record Availability(boolean available, String reason, boolean built) {
        public Availability(boolean available, String reason) {
            this(available, reason, true);
        }

        public static Availability yes() {
            return new Availability(true, "available");
        }

        public static Availability no(String reason) {
            return new Availability(false, reason);
        }

        /** Unavailable because this build does not contain the backend's libraries. */
        public static Availability notBuilt(String reason) {
            return new Availability(false, reason, false);
        }
    }

    /** Settings applied when the backend starts. */
    record Options(int threads) {
    }

    /** What a backend offers beyond ND4J's ops; nn's internals choose their fast paths by it. */
    enum Capability {
        /**
         * Its arrays live in the host's memory, so nn's own Java kernels may read and write them
         * directly (the CPU backend); a backend with device memory (CUDA) leaves every op to ND4J.
         */
        HOST_MEMORY_KERNELS
    }

    String name();

    /** Higher wins in `auto` selection. */
    int rank();

    Availability probe();

    /** Starts the backend; throws BackendException with a clear message when it cannot. */
    void activate(Options options);

    /** What this backend offers; none unless it says so. */
    default Set<Capability> capabilities() {
        return Set.of();
    }

    /** How many threads its ops may use, narrowed per op; called after {@link #activate}. */
    default OpThreads opThreads() {
        return OpThreads.FIXED;
    }

    /** How it runs matrix products too small for the op path; called after {@link #activate}. */
    default DirectGemm directGemm() {
        return DirectGemm.NONE;
    }

    /** Facts for `nn doctor` and checkpoints: versions, native variant, threads. */
    Map<String, String> describe();
}
