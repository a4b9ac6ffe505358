package nn.api.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import nn.api.graph.Graph;
import nn.api.graph.GraphJson;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a checkpoint and trusts nothing in it: only known entry names, each entry's size
 * bounded, the format version checked, every required entry present.
 */
public final class CheckpointReader {
    /** The source, graph and metadata are text of a few kilobytes; a megabyte-sized one is hostile. */
    static final int MAX_TEXT_BYTES = 16 << 20;

    private CheckpointReader() {
    }

    public static Checkpoint read(Path file) throws IOException {
        return read(file, true);
    }

    /** As {@link #read}, without the optimizer's state (names still checked): all that prediction needs. */
    public static Checkpoint readForInference(Path file) throws IOException {
        return read(file, false);
    }

    /**
     * Only the metadata (`meta.json`): how far a run got, without reading any array (so without
     * starting ND4J), for a caller that only decides whether a run is finished.
     */
    public static CheckpointMetadata readMetadata(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().equals(Checkpoint.META)) return metadata(file, bounded(zip, file, e.getName(), MAX_TEXT_BYTES));
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + ": not a checkpoint (" + e.getMessage() + ")");
        }
        throw new IOException(file + ": checkpoint lacks " + Checkpoint.META);
    }

    private static Checkpoint read(Path file, boolean withOptimizer) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        int arrayBudget = maxArrayBytes(); // for all arrays together
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (!known(name)) throw new IOException(file + ": unexpected entry '" + name + "' in checkpoint");
                if (!withOptimizer && name.startsWith(Checkpoint.OPTIMIZER_DIR)) continue;
                boolean array = name.endsWith(".bin");
                byte[] bytes = bounded(zip, file, name, array ? arrayBudget : MAX_TEXT_BYTES);
                if (array) arrayBudget -= bytes.length;
                entries.put(name, bytes);
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + ": not a checkpoint (" + e.getMessage() + ")");
        }
        for (String required : new String[]{Checkpoint.GRAPH, Checkpoint.PARAMS, Checkpoint.META}) {
            if (!entries.containsKey(required)) throw new IOException(file + ": checkpoint lacks " + required);
        }
        CheckpointMetadata metadata = metadata(file, entries.get(Checkpoint.META));
        Graph graph = GraphJson.read(new String(entries.get(Checkpoint.GRAPH), StandardCharsets.UTF_8));
        INDArray params = array(file, Checkpoint.PARAMS, entries.get(Checkpoint.PARAMS));
        Map<String, INDArray> optimizer = arrays(file, entries, Checkpoint.OPTIMIZER_DIR);
        Map<String, INDArray> layerState = arrays(file, entries, Checkpoint.STATE_DIR);
        byte[] source = entries.get(Checkpoint.SOURCE);
        return new Checkpoint(source == null ? null : new String(source, StandardCharsets.UTF_8), graph, params,
                optimizer, layerState, metadata);
    }

    private static CheckpointMetadata metadata(Path file, byte[] json) throws IOException {
        JsonNode meta = GraphJson.MAPPER.readTree(json);
        JsonNode format = meta == null ? null : meta.get(CheckpointMetadata.FORMAT_KEY);
        if (format == null || !format.isInt()
                || (format.asInt() != CheckpointMetadata.FORMAT && format.asInt() != LegacyMetadata.FORMAT)) {
            throw new IOException(file + ": checkpoint format " + format + " is not one this nn reads (expects "
                    + LegacyMetadata.FORMAT + " or " + CheckpointMetadata.FORMAT + ")");
        }
        try {
            return format.asInt() == LegacyMetadata.FORMAT ? LegacyMetadata.read(meta, GraphJson.MAPPER)
                    : GraphJson.MAPPER.treeToValue(meta, CheckpointMetadata.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new IOException(file + ": meta.json does not describe a checkpoint: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The arrays stored under a directory, keyed by their names without the directory and `.bin`. */
    private static Map<String, INDArray> arrays(Path file, Map<String, byte[]> entries, String dir) throws IOException {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().startsWith(dir)) {
                String key = e.getKey().substring(dir.length(), e.getKey().length() - ".bin".length());
                arrays.put(key, array(file, e.getKey(), e.getValue()));
            }
        }
        return arrays;
    }

    /** Fixed names only: no paths that could escape a directory if anyone ever extracts one. */
    private static boolean known(String name) {
        if (name.equals(Checkpoint.SOURCE) || name.equals(Checkpoint.GRAPH) || name.equals(Checkpoint.PARAMS)
                || name.equals(Checkpoint.META)) {
            return true;
        }
        // One plain file name below a known directory: letters, digits, '_' and (node names) '.'.
        for (String dir : new String[]{Checkpoint.OPTIMIZER_DIR, Checkpoint.STATE_DIR}) {
            if (name.startsWith(dir) && name.substring(dir.length()).matches("[A-Za-z0-9_][A-Za-z0-9_.]*\\.bin")) {
                return !name.contains("..");
            }
        }
        return false;
    }

    /**
     * Array entries are read into the heap before ND4J copies them out, so together they may take
     * half the heap at most: larger ones could not be loaded anyway, and a zip bomb stops here.
     */
    static int maxArrayBytes() {
        return (int) Math.min(Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 2);
    }

    /** Reads at most `limit` bytes of an entry, whatever its header claims (zip sizes can lie). */
    private static byte[] bounded(InputStream in, Path file, String name, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit);
        if (in.read() != -1) {
            throw new IOException(file + ": entry " + name + " holds more than " + (limit >> 20) + " MB"
                    + (name.endsWith(".bin") ? ", more than this nn can load (half its heap; NN_JAVA_OPTS=-Xmx... gives more)"
                    : ", which no checkpoint nn writes does"));
        }
        return bytes;
    }

    private static INDArray array(Path file, String name, byte[] bytes) throws IOException {
        String where = file + ": " + name;
        ArrayHeader.check(bytes, where); // before ND4J allocates what the entry declares
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return Nd4j.read(in);
        } catch (RuntimeException e) {
            throw new IOException(where + ": corrupt array: " + e.getMessage(), e);
        }
    }
}
