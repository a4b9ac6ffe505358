package nn.api.checkpoint;

import nn.api.data.Normalization;
import nn.api.graph.Call;
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

    static CheckpointMetadata metadata(int epoch) {
        return new CheckpointMetadata(
                new Provenance("test", Map.of("name", "cpu"), 42, 64, 10, new Call("adam", Map.of("lr", 0.001)), "mnist",
                        Map.of("train-images", "abc")),
                new ModelSignature(new int[]{3}, new Normalization(0.5, 0.5), List.of("a", "b", "c")),
                new ResumeState(epoch, "2026-11-30T00:00:00Z", null, 0.25, 1));
    }

    @Test
    void roundTripsEverythingAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.nnc");
        Checkpoint written = new Checkpoint("model g {}", graph(), Nd4j.createFromArray(1f, 2f, 3f),
                Map.of("m", Nd4j.createFromArray(0.5f, 0.25f, 0f)),
                Map.of("bn.1.running_mean", Nd4j.createFromArray(7f, 8f, 9f)), metadata(4));
        CheckpointWriter.write(file, written);
        CheckpointWriter.write(file, written); // replacing an existing one is atomic too
        Checkpoint read = CheckpointReader.read(file);
        assertEquals(written.source(), read.source());
        assertEquals(written.graph(), read.graph());
        assertEquals(written.params(), read.params());
        assertEquals(written.optimizerState(), read.optimizerState());
        assertEquals(written.layerState(), read.layerState());
        assertEquals(written.metadata().resume(), read.metadata().resume());
        assertEquals(written.metadata().provenance(), read.metadata().provenance());
        assertEquals(written.metadata().signature().classNames(), read.metadata().signature().classNames());
        assertEquals(written.metadata().signature().normalization(), read.metadata().signature().normalization());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void readsTheFlatMetadataOfFormatOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.nnc");
        CheckpointWriter.write(file, new Checkpoint("", graph(), Nd4j.createFromArray(1f, 2f, 3f), Map.of(), Map.of(),
                metadata(1)));
        Path old = dir.resolve("old.nnc");
        String flat = "{\"format\":1,\"nn_version\":\"0.1.0\",\"seed\":7,\"batch\":32,\"epochs\":3,"
                + "\"optimizer\":{\"name\":\"sgd\",\"args\":{\"lr\":0.1}},\"dataset\":\"mnist\","
                + "\"normalization\":{\"mean\":0.1307,\"std\":0.3081},\"class_names\":[\"a\",\"b\",\"c\"],"
                + "\"input_shape\":[3],\"epoch\":2,\"best_validation_loss\":0.5,\"epochs_without_improvement\":1}";
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(file));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(old))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals("meta.json") ? flat.getBytes(java.nio.charset.StandardCharsets.UTF_8) : in.readAllBytes());
                out.closeEntry();
            }
        }
        CheckpointMetadata read = CheckpointReader.read(old).metadata();
        assertEquals(CheckpointMetadata.FORMAT, read.format());
        assertEquals(2, read.resume().epoch());
        assertEquals(0.5, read.resume().bestValidationLoss());
        assertEquals(1, read.resume().epochsWithoutImprovement());
        assertEquals(new Normalization(0.1307, 0.3081), read.signature().normalization());
        assertEquals(List.of("a", "b", "c"), read.signature().classNames());
        assertEquals(new Call("sgd", Map.of("lr", 0.1)), read.provenance().optimizer());
        assertEquals(32, read.provenance().batch());
    }

    /** A copy of `file` with `entry` replaced by `content`. */
    static Path withEntry(Path file, String entry, byte[] content) throws IOException {
        Path forged = file.resolveSibling("forged-" + file.getFileName());
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(file));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(forged))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals(entry) ? content : in.readAllBytes());
                out.closeEntry();
            }
        }
        return forged;
    }

    static Path written(Path dir) throws IOException {
        Path file = dir.resolve("model.nnc");
        CheckpointWriter.write(file, new Checkpoint("", graph(), Nd4j.createFromArray(1f, 2f, 3f), Map.of(), Map.of(),
                metadata(1)));
        return file;
    }

    @Test
    void aMetadataZipBombStopsAtTheTextLimit(@TempDir Path dir) throws IOException {
        byte[] bomb = new byte[CheckpointReader.MAX_TEXT_BYTES + 1]; // zeros: compresses to a few kilobytes
        Path forged = withEntry(written(dir), "meta.json", bomb);
        assertTrue(Files.size(forged) < 1 << 20);
        IOException e = assertThrows(IOException.class, () -> CheckpointReader.read(forged));
        assertTrue(e.getMessage().contains("meta.json holds more than 16 MB"), e.getMessage());
    }

    @Test
    void anArrayHeaderDeclaringMoreThanItsEntryHoldsIsRejectedBeforeAllocation(@TempDir Path dir) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.DataOutputStream(bytes)) {
            Nd4j.write(Nd4j.createFromArray(1f, 2f, 3f), out);
        }
        byte[] array = bytes.toByteArray();
        // the data buffer's element count: after the shape buffer (mode, count, type, 8-byte elements) and the mode
        var in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(array));
        in.readUTF();
        long shapeLength = in.readLong();
        in.readUTF();
        in.skipNBytes(shapeLength * 8);
        in.readUTF();
        int countAt = array.length - in.available();
        java.nio.ByteBuffer.wrap(array, countAt, 8).putLong(1L << 40); // a terabyte of floats
        Path forged = withEntry(written(dir), "params.bin", array);
        IOException e = assertThrows(IOException.class, () -> CheckpointReader.read(forged));
        assertTrue(e.getMessage().contains("params.bin: its data buffer declares 1099511627776 elements"), e.getMessage());
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
