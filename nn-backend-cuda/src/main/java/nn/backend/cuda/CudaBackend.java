package nn.backend.cuda;

import nn.api.spi.Backend;
import nn.api.spi.BackendException;
import nn.api.backend.Nd4jBackendFilter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * ND4J's CUDA 11.6 backend. This module compiles and runs without ND4J's CUDA classes (they
 * come only with `-Pcuda`): the probe looks for them by name, checks the driver, and says
 * what is missing; activation loads the natives and reports their own error if that fails.
 */
public final class CudaBackend implements Backend {
    static final String ND4J_CUDA_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";
    static final String NOT_BUILT = "nd4j-cuda-11.6 is not on the class path: this nn was built without CUDA"
            + " (rebuild with `mvn -Pcuda -pl nn-cli -am package`, see README \"Choosing a backend\")";

    /** JavaCPP classes whose static initialisers load the CUDA runtime, then ND4J's CUDA library. */
    static final String[] NATIVE_HOLDERS = {"org.bytedeco.cuda.global.cudart", "org.nd4j.linalg.jcublas.bindings.Nd4jCuda"};
    static final String FIX = " (CUDA 11.6 needs libcudart/libcublas/libcusolver 11 on LD_LIBRARY_PATH, e.g. a CUDA 11.6 toolkit,"
            + " and the NVIDIA driver's libcuda.so.1, driver >= " + DriverVersion.FULL_11_6 + ")";

    private final ClassLoader loader;
    private final Supplier<NvidiaDriver> driver;
    private boolean active;

    public CudaBackend() {
        this(CudaBackend.class.getClassLoader(), NvidiaDriver::detect);
    }

    CudaBackend(ClassLoader loader, Supplier<NvidiaDriver> driver) {
        this.loader = loader;
        this.driver = driver;
    }

    @Override
    public String name() {
        return "cuda";
    }

    /** Above the CPU's 0: `auto` prefers a GPU that works. */
    @Override
    public int rank() {
        return 100;
    }

    /** Every reason CUDA cannot run here, without loading any native code. */
    @Override
    public Availability probe() {
        List<String> problems = new ArrayList<>();
        String os = System.getProperty("os.name", "").toLowerCase();
        if (!os.contains("linux")) problems.add("nn's CUDA build is for linux-x86_64; this is " + os);
        if (!classesPresent()) problems.add(NOT_BUILT);
        String driverProblem = driver.get().problem();
        if (driverProblem != null) problems.add(driverProblem);
        if (problems.isEmpty()) return Availability.yes();
        String reason = String.join("; ", problems);
        return problems.contains(NOT_BUILT) ? Availability.notBuilt(reason) : Availability.no(reason);
    }

    boolean classesPresent() {
        try {
            Class.forName(ND4J_CUDA_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public void activate(Options options) {
        Availability a = probe();
        if (!a.available()) throw new BackendException("CUDA cannot run here: " + a.reason());
        // ND4J sees only its CUDA implementation: nd4j-native next to it is never initialised.
        Nd4jBackendFilter.installKeepingOnly(ND4J_CUDA_CLASS, CudaBackend.class);
        loadNatives();
        try {
            String loaded = Nd4j.getBackend().getClass().getName();
            if (!loaded.equals(ND4J_CUDA_CLASS)) throw new BackendException("ND4J started " + loaded + " instead of CUDA");
        } catch (BackendException e) {
            throw e;
        } catch (Throwable e) {
            throw new BackendException("CUDA natives failed to load: " + rootMessage(e) + FIX, e);
        }
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getEnvironment().setMaxMasterThreads(Math.max(1, options.threads()));
        active = true;
    }

    /**
     * Loads the CUDA runtime and ND4J's CUDA library before ND4J does: ND4J prints their
     * failure as a stack trace and then reports only "no backend on your classpath"; loading
     * them first gives the underlying message (a missing libcudart.so.11.0, a bad libcuda.so.1).
     */
    private void loadNatives() {
        for (String holder : NATIVE_HOLDERS) {
            try {
                Class.forName(holder, true, loader);
            } catch (ClassNotFoundException e) {
                // not every packaging has this class; ND4J will load what it needs
            } catch (Throwable e) {
                throw new BackendException("CUDA natives failed to load: " + rootMessage(e) + FIX, e);
            }
        }
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("backend", name());
        facts.put("nd4j cuda classes", classesPresent() ? "present" : "absent (built without -Pcuda)");
        facts.put("nvidia driver", driver.get().describe());
        facts.put("needs", "CUDA 11.6: driver >= " + DriverVersion.FULL_11_6 + " (>= " + DriverVersion.MINIMUM
                + " with minor-version compatibility)");
        if (active) {
            facts.put("natives", "nd4j-cuda-11.6");
            facts.put("devices", String.valueOf(Nd4j.getExecutioner().getEnvironmentInformation()
                    .getOrDefault("cuda.devicesInformation", "?")));
        }
        return facts;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
