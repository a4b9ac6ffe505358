package nn.backend.cpu;

import nn.api.spi.Backend.Availability;
import nn.api.spi.BackendException;

/**
 * Which build of ND4J's native library to load. ND4J ships generic ({@code linux-x86_64}),
 * AVX2 and AVX-512 builds, each with and without oneDNN; JavaCPP picks among those on the
 * class path by the property {@value #JAVACPP_EXTENSION}, which must be set before ND4J loads.
 *
 * <p>This build ships only {@code linux-x86_64-onednn-avx2} (the parent pom). The choice is
 * detected, never assumed: a processor without AVX2 gets a clear error instead of SIGILL, and
 * {@code -Dnn.cpu.variant=} names another variant (e.g. {@code generic}, {@code avx2},
 * {@code onednn}) whose jar the user put on the class path. AVX-512 is never chosen
 * automatically, even where /proc/cpuinfo advertises it: ND4J's -avx512 build died with
 * SIGILL on this project's machines (README.md, "Platform: what is verified"), so only an explicit
 * {@code -Dnn.cpu.variant=avx512} selects it.
 */
public final class NativeVariant {
    public static final String PROPERTY = "nn.cpu.variant";
    static final String JAVACPP_EXTENSION = "org.bytedeco.javacpp.platform.extension";
    static final String PLATFORM = "linux-x86_64";
    static final String SHIPPED = "onednn-avx2";
    private static final String BINDINGS = "org/nd4j/linalg/cpu/nativecpu/bindings/";

    private final CpuFeatures cpu;
    private final String requested;
    private final ClassLoader loader;

    NativeVariant(CpuFeatures cpu, String requested, ClassLoader loader) {
        this.cpu = cpu;
        this.requested = requested == null || requested.isBlank() ? null : requested.trim();
        this.loader = loader;
    }

    static NativeVariant here() {
        return new NativeVariant(CpuFeatures.detect(), System.getProperty(PROPERTY), NativeVariant.class.getClassLoader());
    }

    /** The variant name without the platform: "onednn-avx2", or "generic". */
    String choose() {
        if (requested != null) {
            if (!onClassPath(requested)) {
                throw new BackendException("-D" + PROPERTY + "=" + requested + " names ND4J natives that are not on the class path"
                        + " (add org.nd4j:nd4j-native:1.0.0-M2.1:" + classifier(requested) + "); shipped: " + SHIPPED);
            }
            return requested;
        }
        if (cpu.known() && !cpu.avx2()) {
            throw new BackendException("this processor has no AVX2, and the ND4J natives shipped (" + PLATFORM + "-" + SHIPPED
                    + ") need it: add org.nd4j:nd4j-native:1.0.0-M2.1:" + PLATFORM + " and run with -D" + PROPERTY + "=generic");
        }
        return SHIPPED;
    }

    /** Whether the CPU backend can load its natives here, without loading them. */
    Availability probe() {
        try {
            String variant = choose();
            return onClassPath(variant) ? Availability.yes()
                    : Availability.no("ND4J natives " + classifier(variant) + " are not on the class path");
        } catch (BackendException e) {
            return Availability.no(e.getMessage());
        }
    }

    /** Tells JavaCPP which build to load; call before anything touches Nd4j. */
    String apply() {
        String variant = choose();
        System.setProperty(JAVACPP_EXTENSION, variant.equals("generic") ? "" : "-" + variant);
        return variant;
    }

    private boolean onClassPath(String variant) {
        return loader.getResource(BINDINGS + classifier(variant) + "/") != null
                || loader.getResource(BINDINGS + classifier(variant) + "/libjnind4jcpu.so") != null;
    }

    static String classifier(String variant) {
        return variant.equals("generic") ? PLATFORM : PLATFORM + "-" + variant;
    }
}
