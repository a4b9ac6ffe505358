package nn.backend.cuda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the NVIDIA driver without loading it: its version from the kernel module's
 * /proc/driver/nvidia/version, and the user-space library libcuda.so.1 (which no jar can
 * bring) in LD_LIBRARY_PATH and the usual system directories.
 */
record NvidiaDriver(Optional<DriverVersion> version, Optional<Path> libcuda, List<Path> searched) {
    static final String LIBCUDA = "libcuda.so.1";
    private static final Pattern KERNEL_MODULE = Pattern.compile("Kernel Module(?: for [^ ]+)?\\s+(\\d+(?:\\.\\d+)+)");

    static NvidiaDriver detect() {
        return detect(Path.of("/proc/driver/nvidia/version"), System.getenv("LD_LIBRARY_PATH"));
    }

    static NvidiaDriver detect(Path procVersion, String ldLibraryPath) {
        List<Path> dirs = new ArrayList<>();
        if (ldLibraryPath != null) {
            for (String d : ldLibraryPath.split(":")) if (!d.isBlank()) dirs.add(Path.of(d));
        }
        for (String d : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/cuda/compat",
                "/usr/local/nvidia/lib64")) {
            dirs.add(Path.of(d));
        }
        Optional<Path> lib = dirs.stream().map(d -> d.resolve(LIBCUDA)).filter(Files::exists).findFirst();
        return new NvidiaDriver(readVersion(procVersion), lib, List.copyOf(dirs));
    }

    static Optional<DriverVersion> readVersion(Path procVersion) {
        try {
            Matcher m = KERNEL_MODULE.matcher(Files.readString(procVersion));
            return m.find() ? Optional.of(DriverVersion.parse(m.group(1))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    boolean present() {
        return version.isPresent() || libcuda.isPresent();
    }

    /** Null when the driver can run CUDA 11.6, else why not and what to do. */
    String problem() {
        if (!present()) {
            return "no NVIDIA driver: no /proc/driver/nvidia/version and no " + LIBCUDA + " in " + searched.stream()
                    .map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("")
                    + " (install the NVIDIA driver, >= " + DriverVersion.FULL_11_6 + " for CUDA 11.6)";
        }
        if (version.isPresent() && !version.get().atLeast(DriverVersion.MINIMUM)) {
            return "NVIDIA driver " + version.get() + " is too old for CUDA 11.6: it needs >= " + DriverVersion.MINIMUM
                    + " (>= " + DriverVersion.FULL_11_6 + " recommended); upgrade the driver";
        }
        if (libcuda.isEmpty()) {
            return "NVIDIA kernel driver " + version.get() + " found, but not its library " + LIBCUDA
                    + " (install the driver's user-space package or add its directory to LD_LIBRARY_PATH)";
        }
        return null;
    }

    String describe() {
        if (!present()) return "none";
        return version.map(v -> v.toString() + (v.atLeast(DriverVersion.FULL_11_6) ? "" : v.atLeast(DriverVersion.MINIMUM)
                ? " (CUDA 11.6 through minor-version compatibility)" : " (too old)")).orElse("version unknown")
                + libcuda.map(p -> ", " + p).orElse(", no " + LIBCUDA);
    }
}
