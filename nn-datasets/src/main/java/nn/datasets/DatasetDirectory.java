package nn.datasets;

import nn.api.data.DataLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/** Where a data set's files are: which directory to use, and each file as `name` or `name.gz`. */
public final class DatasetDirectory {
    private static final Logger log = LoggerFactory.getLogger(DatasetDirectory.class);

    private DatasetDirectory() {
    }

    /**
     * The directory the user named if any; else the cache, unless the cache lacks files that a
     * system directory (e.g. installed by a Debian package) holds complete, to avoid a download.
     */
    public static Path choose(IdxDatasetSpec spec, DataLocation location) {
        if (location.directory() != null) return location.directory();
        Path cache = location.directoryFor(spec.name());
        if (holdsAll(cache, spec.files())) return cache;
        for (Path system : spec.systemDirectories()) {
            if (holdsAll(system, spec.files())) {
                log.info("using {} files from {}", spec.name(), system);
                return system;
            }
        }
        return cache;
    }

    /** `directory/name` if it exists, else `directory/name.gz`, else nothing. Raw is preferred: no gunzip. */
    public static Optional<Path> find(Path directory, String name) {
        for (Path candidate : new Path[]{directory.resolve(name), directory.resolve(name + ".gz")}) {
            if (Files.isRegularFile(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    public static boolean holdsAll(Path directory, Collection<String> names) {
        for (String name : names) if (find(directory, name).isEmpty()) return false;
        return true;
    }
}
