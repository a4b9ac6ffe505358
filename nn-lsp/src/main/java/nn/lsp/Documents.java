package nn.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The documents the editor has open: their text and version, as the editor last sent them. */
final class Documents {

    /** One open document. */
    record Document(String uri, int version, String text) {
        Path path() {
            return Documents.path(uri);
        }
    }

    private final Map<String, Document> open = new ConcurrentHashMap<>();

    void put(Document d) {
        open.put(d.uri(), d);
    }

    Document get(String uri) {
        return open.get(uri);
    }

    void remove(String uri) {
        open.remove(uri);
    }

    /** The open document at a file path, or null (then the file on disk is what counts). */
    Document at(Path file) {
        Path wanted = file.toAbsolutePath().normalize();
        for (Document d : open.values()) if (wanted.equals(d.path())) return d;
        return null;
    }

    /** The file a `file:` URI names; another scheme gets a name of its own that imports resolve against. */
    static Path path(String uri) {
        try {
            URI u = URI.create(uri);
            if ("file".equals(u.getScheme())) return Path.of(u).toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) {
            // fall through: not a file URI
        }
        return Path.of(uri.replaceAll("[^A-Za-z0-9._-]", "_")).toAbsolutePath().normalize();
    }

    static String uri(Path file) {
        return file.toAbsolutePath().normalize().toUri().toString();
    }
}
