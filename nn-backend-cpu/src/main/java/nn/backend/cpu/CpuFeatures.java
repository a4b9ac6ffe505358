package nn.backend.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** The instruction-set extensions the processor reports, read from /proc/cpuinfo's flags line. */
public record CpuFeatures(Set<String> flags, String model) {
    static final Path CPUINFO = Path.of("/proc/cpuinfo");

    public static CpuFeatures detect() {
        try {
            return parse(Files.readString(CPUINFO));
        } catch (IOException | RuntimeException e) {
            return new CpuFeatures(Set.of(), "unknown (no /proc/cpuinfo)");
        }
    }

    static CpuFeatures parse(String cpuinfo) {
        Set<String> flags = new TreeSet<>();
        String model = "unknown";
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("flags") && flags.isEmpty()) flags.addAll(Set.of(value.split("\\s+")));
            if (key.equals("model name") && model.equals("unknown")) model = value;
        }
        return new CpuFeatures(Set.copyOf(flags), model);
    }

    public boolean known() {
        return !flags.isEmpty();
    }

    public boolean avx2() {
        return flags.contains("avx2");
    }

    public boolean avx512() {
        return flags.contains("avx512f");
    }

    /** "AVX2 yes, AVX-512 yes" for reports. */
    public String summary() {
        if (!known()) return "unknown";
        return "AVX2 " + (avx2() ? "yes" : "no") + ", AVX-512 " + (avx512() ? "yes" : "no");
    }
}
