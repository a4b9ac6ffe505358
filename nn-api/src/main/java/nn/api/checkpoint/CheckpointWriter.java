package nn.api.checkpoint;

import nn.api.graph.GraphJson;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a checkpoint as one zip, first to a temporary file beside the target and then
 * renamed over it atomically: a crash leaves either the old checkpoint or the new one,
 * never half of one. No Java serialization: JSON and ND4J's binary array format.
 */
public final class CheckpointWriter {
    private CheckpointWriter() {
    }

    public static void write(Path target, Checkpoint checkpoint) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream file = Files.newOutputStream(temp);
                 ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file))) {
                text(zip, Checkpoint.SOURCE, checkpoint.source() == null ? "" : checkpoint.source());
                text(zip, Checkpoint.GRAPH, GraphJson.write(checkpoint.graph()));
                array(zip, Checkpoint.PARAMS, checkpoint.params());
                for (Map.Entry<String, INDArray> e : checkpoint.optimizerState().entrySet()) {
                    array(zip, Checkpoint.OPTIMIZER_DIR + e.getKey() + ".bin", e.getValue());
                }
                for (Map.Entry<String, INDArray> e : checkpoint.layerState().entrySet()) {
                    array(zip, Checkpoint.STATE_DIR + e.getKey() + ".bin", e.getValue());
                }
                text(zip, Checkpoint.META, GraphJson.MAPPER.writeValueAsString(checkpoint.metadata()));
                zip.finish();
                file.flush();
            }
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true); // on disk before it replaces the previous checkpoint
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void text(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void array(ZipOutputStream zip, String name, INDArray array) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        DataOutputStream out = new DataOutputStream(zip);
        org.nd4j.linalg.factory.Nd4j.write(array, out);
        out.flush();
        zip.closeEntry();
    }
}
