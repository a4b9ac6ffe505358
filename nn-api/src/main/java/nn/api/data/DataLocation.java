package nn.api.data;

import java.nio.file.Path;

/**
 * Where a data set's files are looked for. `directory` is set when the user named one
 * (`--data-dir` or `NN_DATA_DIR`); otherwise files live in `cacheRoot/<dataset>`.
 * `offline` forbids downloading.
 */
public record DataLocation(Path directory, Path cacheRoot, boolean offline) {

    public static final String ENV_DATA_DIR = "NN_DATA_DIR";

    /** The default: `--data-dir` if given, else NN_DATA_DIR, else the cache under ~/.nn/datasets. */
    public static DataLocation resolve(Path flag) {
        Path dir = flag;
        if (dir == null) {
            String env = System.getenv(ENV_DATA_DIR);
            if (env != null && !env.isBlank()) dir = Path.of(env);
        }
        return new DataLocation(dir, defaultCacheRoot(), false);
    }

    public static Path defaultCacheRoot() {
        return Path.of(System.getProperty("user.home"), ".nn", "datasets");
    }

    /** The directory a data set's files are read from (and downloaded into when absent). */
    public Path directoryFor(String dataset) {
        return directory != null ? directory : cacheRoot.resolve(dataset);
    }
}
