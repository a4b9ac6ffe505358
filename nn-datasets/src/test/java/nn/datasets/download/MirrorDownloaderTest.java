package nn.datasets.download;

import com.sun.net.httpserver.HttpServer;
import nn.api.data.DataException;
import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.schema.Args;
import nn.datasets.IdxDatasetSpec;
import nn.datasets.TestIdx;
import nn.datasets.mnist.MnistProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Downloads from a local HTTP server: `/good/` serves the files, `/missing/` 404s, `/bad/` serves other bytes. */
class MirrorDownloaderTest {
    @TempDir
    Path tmp;

    private final TestIdx.Files4 files = TestIdx.Files4.generate(5);
    private final TestIdx.Files4 otherFiles = TestIdx.Files4.generate(9);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve("/good/", files.content(), true);
        serve("/bad/", otherFiles.content(), true);
        serve("/raw/", files.content(), false);
        server.createContext("/missing/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void serve(String prefix, Map<String, byte[]> content, boolean gzip) {
        server.createContext(prefix, exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            String file = exchange.getRequestURI().getPath().substring(prefix.length()).replaceAll("\\.gz$", "");
            byte[] body = content.get(file);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                byte[] bytes = gzip ? TestIdx.gzip(body) : body;
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
        });
    }

    private URI mirror(String path) {
        return URI.create(base + path);
    }

    private Dataset load(List<URI> mirrors, Path cacheRoot) throws IOException {
        IdxDatasetSpec spec = files.spec("tiny", mirrors);
        return new MnistProvider(spec).load(defaults(spec), new DataLocation(null, cacheRoot, false));
    }

    private static Args defaults(IdxDatasetSpec spec) {
        return new MnistProvider(spec).schema().defaults();
    }

    @Test
    void downloadsIntoAnEmptyCache() throws IOException {
        Path cache = tmp.resolve("cache");

        Dataset d = load(List.of(mirror("/good/")), cache);

        assertEquals(6, d.train().count());
        assertEquals(4, d.test().count());
        assertEquals(files.checksums(), d.checksums());
        for (String name : files.content().keySet()) {
            assertTrue(Files.isRegularFile(cache.resolve("tiny").resolve(name + ".gz")), name);
        }
        assertEquals(4, requests.size());
        assertNoPartFiles(cache.resolve("tiny"));

        // A second load reads the cache and downloads nothing.
        load(List.of(mirror("/good/")), cache);
        assertEquals(4, requests.size());
    }

    @Test
    void aMissingFileFallsBackToTheNextMirror() throws IOException {
        Dataset d = load(List.of(mirror("/missing/"), mirror("/good/")), tmp);

        assertEquals(6, d.train().count());
        assertEquals(List.of("/missing/train-images-idx3-ubyte.gz", "/good/train-images-idx3-ubyte.gz"),
                requests.subList(0, 2));
    }

    @Test
    void badContentFailsItsChecksumAndFallsBack() throws IOException {
        Dataset d = load(List.of(mirror("/bad/"), mirror("/good/")), tmp);

        assertEquals(files.checksums(), d.checksums());
        assertEquals(8, requests.size());
        assertNoPartFiles(tmp.resolve("tiny"));
    }

    @Test
    void uncompressedContentIsSavedUnderThePlainName() throws Exception {
        MirrorDownloader downloader = new MirrorDownloader(List.of(mirror("/raw/")));
        String name = "t10k-labels-idx1-ubyte";

        Path saved = downloader.download(name, files.checksums().get(name), tmp);

        assertEquals(tmp.resolve(name), saved);
        assertTrue(Files.isRegularFile(saved));
    }

    @Test
    void whenEveryMirrorFailsOneErrorListsThemAll() throws Exception {
        URI refused = URI.create("http://127.0.0.1:" + unusedPort() + "/nothing/");
        List<URI> mirrors = List.of(mirror("/missing/"), mirror("/bad/"), refused);
        MirrorDownloader downloader = new MirrorDownloader(mirrors, Duration.ofSeconds(2), Duration.ofSeconds(5));
        String name = "train-labels-idx1-ubyte";

        DataException e = assertThrows(DataException.class,
                () -> downloader.download(name, files.checksums().get(name), tmp));

        String m = e.getMessage();
        assertTrue(m.startsWith("could not download " + name + " into " + tmp), m);
        assertTrue(m.contains(base + "/missing/" + name + ".gz (HTTP 404)"), m);
        assertTrue(m.contains(base + "/bad/" + name + ".gz (SHA-256 mismatch: expected "
                + files.checksums().get(name) + ", actual " + otherFiles.checksums().get(name) + ")"), m);
        assertTrue(m.contains(refused + name + ".gz (ConnectException"), m);
        assertTrue(m.contains("--data-dir") && m.contains("NN_DATA_DIR"), m);
        assertFalse(m.contains("\n"), m);
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(0, left.count(), "nothing is left behind");
        }
    }

    @Test
    void offlineNeverDownloads() {
        IdxDatasetSpec spec = files.spec("tiny", List.of(mirror("/good/")));
        DataLocation offline = new DataLocation(null, tmp, true);

        DataException e = assertThrows(DataException.class, () -> new MnistProvider(spec).load(defaults(spec), offline));

        assertTrue(e.getMessage().contains(tmp.resolve("tiny").resolve("train-images-idx3-ubyte").toString()),
                e.getMessage());
        assertTrue(e.getMessage().contains("--data-dir"), e.getMessage());
        assertTrue(requests.isEmpty());
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void assertNoPartFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
    }
}
