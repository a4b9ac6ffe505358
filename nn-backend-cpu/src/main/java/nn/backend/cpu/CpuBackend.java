package nn.backend.cpu;

import nn.api.spi.Backend;
import nn.api.spi.BackendException;
import nn.api.spi.DirectGemm;
import nn.api.spi.OpThreads;
import nn.api.backend.Nd4jBackendFilter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * ND4J's native CPU backend (the native build chosen by {@link NativeVariant}). Threads are
 * set deliberately: OpenMP and BLAS both get the same count, never more than asked, because
 * on small models two threads on two cores were slower than one (README.md, "Platform: what
 * is verified", has the measurement).
 */
public final class CpuBackend implements Backend {
    static final String ND4J_CPU_CLASS = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";
    private int threads;
    private boolean active;

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public int rank() {
        return 0;
    }

    /** Looks for the classes and the platform without loading native code. */
    @Override
    public Availability probe() {
        String os = System.getProperty("os.name", "").toLowerCase();
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return Availability.no("this build ships ND4J natives for linux-x86_64 only; this is " + os + "/" + arch);
        }
        try {
            Class.forName(ND4J_CPU_CLASS, false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            return Availability.no("nd4j-native is not on the class path");
        }
        return NativeVariant.here().probe();
    }

    @Override
    public void activate(Options options) {
        // OpenMP and BLAS each get this count and BLAS runs inside OpenMP's threads, so the two
        // together never use more threads than asked, and never more than the cores there are.
        threads = Math.min(options.threads() > 0 ? options.threads() : 1, Runtime.getRuntime().availableProcessors());
        NativeVariant.here().apply();
        // Only the CPU implementation is visible to ND4J, so a CUDA jar next to it is never initialised.
        Nd4jBackendFilter.installKeepingOnly(ND4J_CPU_CLASS, CpuBackend.class);
        try {
            Nd4j.getBackend();
        } catch (Throwable e) {
            throw new BackendException("ND4J's CPU natives failed to load: " + rootMessage(e), e);
        }
        active = true;
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads); // OpenBLAS: its own thread pool
    }

    /**
     * Matrix products under 2^24 multiply-adds (an MLP's at batch 64) run on one thread. Split
     * over two, each paid for waking the second thread, asleep again after nn's Java kernels
     * between ops: the MLP's step with two threads took 5.7-7.3 ms against 3.4-4.0 ms with one,
     * and 3.1-3.4 ms narrowed (docs/performance.md, "Small products on one thread").
     */
    @Override
    public OpThreads opThreads() {
        if (threads <= 1) return OpThreads.FIXED;
        return new OmpOpThreads(NativeOpsHolder.getInstance().getDeviceNativeOps(), threads, SHARE_FROM_MULTIPLY_ADDS);
    }

    private static final long SHARE_FROM_MULTIPLY_ADDS = 1L << 24;

    /**
     * Matrix products under 2^22 multiply-adds skip libnd4j's op path for OpenBLAS's sgemm
     * (the MLP's at batch 64 but its first layer's; docs/performance.md, "Small products
     * straight through OpenBLAS"); with more threads only those OpenBLAS keeps on one.
     */
    @Override
    public DirectGemm directGemm() {
        return OpenBlasGemm.forThreads(threads, DIRECT_BELOW_MULTIPLY_ADDS);
    }

    private static final long DIRECT_BELOW_MULTIPLY_ADDS = 1L << 22;

    /** ND4J's CPU arrays are in the host's memory: nn's Java kernels may work on them directly. */
    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.HOST_MEMORY_KERNELS);
    }

    /** Before activation only what needs no native code (processor, variant to load); after it ND4J's own facts too. */
    @Override
    public Map<String, String> describe() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("backend", name());
        CpuFeatures cpu = CpuFeatures.detect();
        facts.put("cpu", cpu.model());
        facts.put("cpu features", cpu.summary());
        if (!active) {
            try {
                facts.put("natives", NativeVariant.classifier(NativeVariant.here().choose()) + " (not loaded)");
            } catch (BackendException e) {
                facts.put("natives", e.getMessage());
            }
            return facts;
        }
        facts.put("nd4j", Nd4j.class.getPackage().getImplementationVersion() == null ? "1.0.0-M2.1"
                : Nd4j.class.getPackage().getImplementationVersion());
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        facts.put("blas", String.valueOf(env.getOrDefault("blas.vendor", "unknown")));
        facts.put("threads", String.valueOf(NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()));
        facts.put("blas threads", String.valueOf(Nd4j.factory().blas().getMaxThreads()));
        facts.put("natives", nativeVariant());
        facts.put("cores", String.valueOf(env.getOrDefault("cores", Runtime.getRuntime().availableProcessors())));
        return facts;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** Which build of libnd4jcpu JavaCPP loaded, read from the path it was unpacked to. */
    static String nativeVariant() {
        for (String path : org.bytedeco.javacpp.Loader.getLoadedLibraries().values()) {
            int at = path == null ? -1 : path.indexOf("/linux-x86_64");
            if (at >= 0 && path.contains("nd4jcpu")) return path.substring(at + 1, path.indexOf('/', at + 1));
        }
        return "unknown";
    }
}
