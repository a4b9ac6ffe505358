package nn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Java, operating system and memory, for `nn doctor`. */
final class MachineFacts {
    private MachineFacts() {
    }

    static Map<String, String> collect() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ") at " + System.getProperty("java.home"));
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        facts.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        facts.put("memory", "heap max " + gb(Runtime.getRuntime().maxMemory()) + "; machine " + meminfo());
        String omp = System.getenv("OMP_NUM_THREADS");
        facts.put("OMP_NUM_THREADS", omp == null ? "(unset)" : omp);
        return facts;
    }

    private static String meminfo() {
        try {
            long total = -1, available = -1;
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) total = kb(line);
                if (line.startsWith("MemAvailable:")) available = kb(line);
            }
            return gb(total * 1024) + " total, " + gb(available * 1024) + " available";
        } catch (IOException | RuntimeException e) {
            return "unknown (no /proc/meminfo)";
        }
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    static String gb(long bytes) {
        return bytes < 0 ? "?" : String.format("%.1f GB", bytes / 1e9);
    }
}
