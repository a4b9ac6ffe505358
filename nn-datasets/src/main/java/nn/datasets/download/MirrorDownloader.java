package nn.datasets.download;

import nn.api.data.DataException;
import nn.datasets.Sha256;
import nn.datasets.idx.GzipAwareInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads `<file>.gz` from the first mirror that serves it with the expected content. Each
 * attempt goes to a temporary file next to the target, is verified (SHA-256 of the decompressed
 * bytes) and only then renamed into place, so an interrupted or bad download never looks like
 * a data file.
 */
public final class MirrorDownloader {
    private static final Logger log = LoggerFactory.getLogger(MirrorDownloader.class);

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);

    private final List<URI> mirrors;
    private final Duration connectTimeout;
    private final Duration downloadTimeout;
    private HttpClient client;

    /** @param mirrors base URLs, tried in order; a file's URL is the base plus `<file>.gz` */
    public MirrorDownloader(List<URI> mirrors) {
        this(mirrors, DEFAULT_CONNECT_TIMEOUT, DEFAULT_DOWNLOAD_TIMEOUT);
    }

    public MirrorDownloader(List<URI> mirrors, Duration connectTimeout, Duration downloadTimeout) {
        this.mirrors = List.copyOf(mirrors);
        this.connectTimeout = connectTimeout;
        this.downloadTimeout = downloadTimeout;
    }

    public List<URI> mirrors() {
        return mirrors;
    }

    /**
     * Fetches `fileName` into `directory` and returns its path (`fileName.gz`, or `fileName`
     * if a mirror served it uncompressed).
     *
     * @throws DataException naming every mirror and why it failed, when none succeeded
     */
    public Path download(String fileName, String expectedSha256, Path directory) throws DataException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new DataException("cannot create " + directory + " to download " + fileName + " into (" + e
                    + "); pass --data-dir or set NN_DATA_DIR to a writable directory");
        }
        List<String> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI url = fileUrl(mirror, fileName + ".gz");
            try {
                Path saved = fetch(url, fileName, expectedSha256, directory);
                log.info("saved {} (SHA-256 verified)", saved);
                return saved;
            } catch (MirrorFailure e) {
                log.warn("{} failed: {}", url, e.getMessage());
                failures.add(url + " (" + e.getMessage() + ")");
            }
        }
        throw new DataException("could not download " + fileName + " into " + directory + ": "
                + (failures.isEmpty() ? "no mirrors configured" : String.join("; ", failures))
                + ". Put the file there yourself, or pass --data-dir or set NN_DATA_DIR to a directory that holds it");
    }

    /** The mirror's base URL plus the file name; the base need not end with a slash. */
    static URI fileUrl(URI mirror, String file) {
        String base = mirror.toString();
        return URI.create(base.endsWith("/") ? base + file : base + "/" + file);
    }

    private Path fetch(URI url, String fileName, String expectedSha256, Path directory) throws MirrorFailure {
        log.info("downloading {} from {}", fileName + ".gz", url);
        Path temp = null;
        try {
            temp = Files.createTempFile(directory, fileName + ".", ".part");
            int status = get(url, temp);
            if (status != 200) throw new MirrorFailure("HTTP " + status);
            String actual;
            try {
                actual = Sha256.ofContent(temp);
            } catch (IOException e) {
                throw new MirrorFailure("unreadable content: " + e.getMessage());
            }
            if (!actual.equalsIgnoreCase(expectedSha256)) {
                throw new MirrorFailure("SHA-256 mismatch: expected " + expectedSha256 + ", actual " + actual);
            }
            Path target = directory.resolve(GzipAwareInput.isGzip(temp) ? fileName + ".gz" : fileName);
            moveIntoPlace(temp, target);
            temp = null;
            return target;
        } catch (IOException e) {
            throw new MirrorFailure("could not write into " + directory + ": " + e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** GETs `url` into `file` (only when the status is 200) and returns the status. */
    private int get(URI url, Path file) throws MirrorFailure {
        // An error page is discarded rather than written where a data file is expected.
        HttpResponse.BodyHandler<Path> handler = info -> info.statusCode() == 200
                ? HttpResponse.BodyHandlers.ofFile(file).apply(info)
                : HttpResponse.BodySubscribers.replacing(file);
        CompletableFuture<HttpResponse<Path>> future;
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(downloadTimeout).GET().build();
            future = client().sendAsync(request, handler);
        } catch (IllegalArgumentException e) {
            // A malformed mirror URL is that mirror's failure, not a crash.
            throw new MirrorFailure("unusable URL: " + e.getMessage());
        }
        try {
            // The request timeout only bounds the wait for headers; this bounds the whole body.
            return future.get(downloadTimeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new MirrorFailure("not complete after " + downloadTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new MirrorFailure("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String message = cause.getMessage() != null ? cause.getMessage()
                    : cause instanceof java.net.ConnectException ? "could not connect" : null;
            throw new MirrorFailure(cause.getClass().getSimpleName() + (message == null ? "" : ": " + message));
        }
    }

    /** Created on first use: providers are instantiated at start-up and most runs download nothing. */
    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
        }
        return client;
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.toString());
        }
    }

    /** One mirror's failure; the message says why, for the final list. */
    private static final class MirrorFailure extends Exception {
        MirrorFailure(String message) {
            super(message, null, false, false);
        }
    }
}
