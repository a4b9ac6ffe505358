package nn.datasets;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that identifies an image classification data set stored as four IDX files: its
 * name, file names, SHA-256 of each decompressed file, image size, class names, the mirrors
 * to download from and system directories (distribution packages) that may already hold it.
 */
public record IdxDatasetSpec(String name, String description, Split train, Split test,
                             Map<String, String> sha256, int rows, int cols, List<String> classNames,
                             List<URI> mirrors, List<Path> systemDirectories) {

    /** The file names (without `.gz`) of one split. */
    public record Split(String images, String labels) {
    }

    public IdxDatasetSpec {
        sha256 = Map.copyOf(sha256);
        classNames = List.copyOf(classNames);
        mirrors = List.copyOf(mirrors);
        systemDirectories = List.copyOf(systemDirectories);
        for (String file : List.of(train.images(), train.labels(), test.images(), test.labels())) {
            if (!sha256.containsKey(file)) throw new IllegalArgumentException(name + ": no SHA-256 for " + file);
        }
    }

    /** The four file names, train first, images before labels. */
    public List<String> files() {
        return List.of(train.images(), train.labels(), test.images(), test.labels());
    }

    /** File name to SHA-256, in the order of {@link #files()}. */
    public Map<String, String> checksums() {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String f : files()) ordered.put(f, sha256.get(f));
        return ordered;
    }

    public int classes() {
        return classNames.size();
    }

    public IdxDatasetSpec withSystemDirectories(List<Path> directories) {
        return new IdxDatasetSpec(name, description, train, test, sha256, rows, cols, classNames,
                mirrors, directories);
    }
}
