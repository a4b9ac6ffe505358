package nn.api.checkpoint;

import nn.api.graph.Graph;
import nn.api.graph.GraphInput;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointTest {
    static Graph graph() {
        return new Graph("g", List.of(new GraphInput("x", Shape.of(3))),
                List.of(new Node("bn.1", "batchnorm", List.of("x"), Map.of())), List.of("bn.1"), null);
    }

    @Test
    void roundTripsEverythingAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.nnc");
        Checkpoint written = new Checkpoint("model g {}", graph(), Nd4j.createFromArray(1f, 2f, 3f),
                Map.of("m", Nd4j.createFromArray(0.5f, 0.25f, 0f)),
                Map.of("bn.1.running_mean", Nd4j.createFromArray(7f, 8f, 9f)), Map.of("epoch", 4));
        CheckpointWriter.write(file, written);
        CheckpointWriter.write(file, written); // replacing an existing one is atomic too
        Checkpoint read = CheckpointReader.read(file);
        assertEquals(written.source(), read.source());
        assertEquals(written.graph(), read.graph());
        assertEquals(written.params(), read.params());
        assertEquals(written.optimizerState(), read.optimizerState());
        assertEquals(written.layerState(), read.layerState());
        assertEquals(4, read.meta().get("epoch"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void rejectsEntriesThatCouldEscapeADirectory(@TempDir Path dir) throws IOException {
        for (String evil : new String[]{"../evil.bin", "state/../../x.bin", "/etc/passwd", "optimizer/a/b.bin"}) {
            Path file = dir.resolve("evil.nnc");
            try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(evil));
                zip.write(1);
                zip.closeEntry();
            }
            IOException e = assertThrows(IOException.class, () -> CheckpointReader.read(file));
            assertTrue(e.getMessage().contains("unexpected entry"), e.getMessage());
        }
    }

    @Test
    void rejectsAnUnknownFormatWithAClearMessage(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("future.nnc");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : new String[]{"graph.json", "params.bin", "meta.json"}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.equals("meta.json") ? "{\"format\": 99}".getBytes() : new byte[]{'{', '}'});
                zip.closeEntry();
            }
        }
        IOException e = assertThrows(IOException.class, () -> CheckpointReader.read(file));
        assertTrue(e.getMessage().contains("checkpoint format 99 is not one this nn reads"), e.getMessage());
    }
}
