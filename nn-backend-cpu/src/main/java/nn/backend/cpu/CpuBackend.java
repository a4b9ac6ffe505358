package nn.backend.cpu;

import nn.api.spi.Backend;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * ND4J's native CPU backend (oneDNN + AVX2 build). Threads are set deliberately: on small
 * models two OpenMP threads on two cores were 3-4 times slower than one (DESIGN.md §10).
 */
public final class CpuBackend implements Backend {
    static final String ND4J_CPU_CLASS = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";
    private int threads;

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
        return Availability.yes();
    }

    @Override
    public void activate(Options options) {
        threads = options.threads() > 0 ? options.threads() : 1;
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads); // OpenBLAS: its own thread pool
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("backend", name());
        facts.put("nd4j", Nd4j.class.getPackage().getImplementationVersion() == null ? "1.0.0-M2.1"
                : Nd4j.class.getPackage().getImplementationVersion());
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        facts.put("blas", String.valueOf(env.getOrDefault("blas.vendor", "unknown")));
        facts.put("threads", String.valueOf(NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()));
        facts.put("natives", nativeVariant());
        facts.put("cores", String.valueOf(env.getOrDefault("cores", Runtime.getRuntime().availableProcessors())));
        return facts;
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
