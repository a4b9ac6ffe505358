package nn.api.backend;

import nn.api.spi.Backend;
import nn.api.spi.BackendException;
import nn.api.spi.DirectGemm;
import nn.api.spi.OpThreads;

import java.util.Set;

/**
 * Starts the backend of this process and remembers what it offers, so nn's internal fast
 * paths follow the backend's own {@link Backend#capabilities()} instead of guessing from ND4J.
 * Every entry point (the CLI, the inference API, nn-spark's workers) starts its backend here.
 */
public final class ActiveBackend {
    private static volatile Set<Backend.Capability> capabilities;
    private static volatile OpThreads opThreads = OpThreads.FIXED;
    private static volatile DirectGemm directGemm = DirectGemm.NONE;

    private ActiveBackend() {
    }

    /** Activates {@code backend}; throws {@link BackendException} when it cannot start. */
    public static void start(Backend backend, Backend.Options options) {
        backend.activate(options);
        capabilities = Set.copyOf(backend.capabilities());
        opThreads = backend.opThreads();
        directGemm = backend.directGemm();
    }

    /** The started backend's per-op thread control; {@link OpThreads#FIXED} when none was started. */
    public static OpThreads opThreads() {
        return opThreads;
    }

    /** The started backend's path for small matrix products; {@link DirectGemm#NONE} when none was started. */
    public static DirectGemm directGemm() {
        return directGemm;
    }

    /**
     * The capabilities of the backend started through {@link #start}, or null when none was
     * (ND4J used directly, as a library's own tests do).
     */
    public static Set<Backend.Capability> capabilities() {
        return capabilities;
    }
}
