package nn.datasets;

import nn.api.data.DataLocation;
import nn.datasets.idx.IdxReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where a data set's files are: which directory to use, and each file as `name` or `name.gz`. */
public final class DatasetDirectory {
    private static final Logger log = LoggerFactory.getLogger(DatasetDirectory.class);

    private DatasetDirectory() {
    }

    /**
     * Where a data set's files are read from (and downloaded into):
     * <ul>
     * <li>a directory the user named ({@code --data-dir}, {@code NN_DATA_DIR}) may hold the files
     *     themselves or one folder per data set ({@code DIR/mnist}, {@code DIR/fashion-mnist});</li>
     * <li>when it holds files of the same names that belong to another data set (MNIST and
     *     Fashion-MNIST share every file name), a complete copy elsewhere (the cache, a Debian
     *     package's directory) is used instead; with none, the user's directory is kept and the
     *     checksum check says what is wrong;</li>
     * <li>without a user directory: the cache, unless a system directory holds the complete set,
     *     which saves a download.</li>
     * </ul>
     */
    public static Path choose(IdxDatasetSpec spec, DataLocation location) {
        Path given = location.directory();
        if (given != null) {
            for (Path folder : List.of(given.resolve(spec.name()), given.resolve(spec.name().replace('_', '-')))) {
                if (holdsAll(folder, spec.files())) return folder;
            }
            if (!holdsAll(given, spec.files()) || holdsThisDataSet(spec, given)) return given;
            Optional<Path> elsewhere = completeCopy(spec, location);
            if (elsewhere.isEmpty()) return given;
            log.info("{} holds another data set's files; using the {} files in {}", given, spec.name(), elsewhere.get());
            return elsewhere.get();
        }
        Optional<Path> copy = completeCopy(spec, location);
        copy.filter(p -> !p.startsWith(location.cacheRoot())).ifPresent(p -> log.info("using {} files from {}", spec.name(), p));
        return copy.orElse(location.directoryFor(spec.name()));
    }

    /** The cache or a system directory holding every file, the cache first. */
    private static Optional<Path> completeCopy(IdxDatasetSpec spec, DataLocation location) {
        Path cache = location.cacheRoot().resolve(spec.name());
        if (holdsAll(cache, spec.files())) return Optional.of(cache);
        for (Path system : spec.systemDirectories()) {
            if (holdsAll(system, spec.files())) return Optional.of(system);
        }
        return Optional.empty();
    }

    /** Whether the training labels there are this data set's (a 60 kB file: cheap to check). */
    private static boolean holdsThisDataSet(IdxDatasetSpec spec, Path directory) {
        String labels = spec.train().labels();
        try {
            return IdxReader.readLabels(find(directory, labels).orElseThrow()).sha256().equals(spec.sha256().get(labels));
        } catch (IOException | RuntimeException e) {
            return false;
        }
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
