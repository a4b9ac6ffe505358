package nn.cli;

import nn.api.data.DataLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Where data sets are read from and what the cache holds, for `nn doctor`. */
final class DataCacheReport {
    private DataCacheReport() {
    }

    static List<String> lines(UnaryOperator<String> environment) {
        List<String> lines = new ArrayList<>();
        String env = environment.apply(DataLocation.ENV_DATA_DIR);
        if (env != null && !env.isBlank()) lines.add(DataLocation.ENV_DATA_DIR + " = " + env + ": " + contents(Path.of(env)));
        else lines.add(DataLocation.ENV_DATA_DIR + " unset");
        Path cache = DataLocation.defaultCacheRoot();
        if (!Files.isDirectory(cache)) {
            lines.add("cache " + cache + ": empty (created on first download)");
            return lines;
        }
        lines.add("cache " + cache + ":");
        try (Stream<Path> sets = Files.list(cache)) {
            sets.filter(Files::isDirectory).sorted().forEach(d -> lines.add("  " + d.getFileName() + ": " + contents(d)));
        } catch (IOException e) {
            lines.add("  unreadable: " + e.getMessage());
        }
        return lines;
    }

    private static String contents(Path dir) {
        if (!Files.isDirectory(dir)) return "not a directory";
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            long bytes = 0;
            for (Path f : regular) bytes += Files.size(f);
            return regular.size() + " files, " + String.format("%.1f MB", bytes / 1e6);
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
