package nn.api.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricsFileTest {

    @Test
    void aLineTornByAKillIsDroppedAndTheEarlierEpochsKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics.jsonl");
        Files.writeString(file, "{\"epoch\":1,\"train_loss\":0.5}\n{\"epoch\":2,\"train_loss\":0.4}\n{\"epoch\":3,\"tra");
        MetricsFile.keepEpochsBefore(file, 3);
        assertEquals(List.of("{\"epoch\":1,\"train_loss\":0.5}", "{\"epoch\":2,\"train_loss\":0.4}"), Files.readAllLines(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left");
        }
    }
}
