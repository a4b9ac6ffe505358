package nn.api.checkpoint;

import nn.api.data.Normalization;
import nn.api.data.Preprocessing;
import nn.api.data.Standardization;
import nn.api.data.Task;
import nn.api.graph.GraphJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A table model's signature in meta.json, and format-2 files from before tables. */
class TableSignatureTest {

    @Test
    void aTableSignatureRoundTripsThroughJsonWithSnakeCaseKeys() throws Exception {
        ModelSignature s = new ModelSignature(new int[]{2}, Normalization.NONE, List.of(), Task.VALUES,
                new Standardization(new double[]{1, 2}, new double[]{0.5, 4}), List.of("w", "h"), List.of("price"));
        String json = GraphJson.MAPPER.writeValueAsString(s);
        assertTrue(json.contains("\"task\"") && json.contains("\"values\"") && json.contains("\"feature_names\"")
                && json.contains("\"target_names\"") && json.contains("\"standardization\""), json);
        ModelSignature back = GraphJson.MAPPER.readValue(json, ModelSignature.class);
        assertEquals(Task.VALUES, back.task());
        assertEquals(s.standardization(), back.standardization());
        assertEquals(List.of("w", "h"), back.featureNames());
        assertEquals(List.of("price"), back.targetNames());
        assertTrue(back.isTable());
    }

    @Test
    void aFormatTwoSignatureFromBeforeTablesReadsAsAnImageClassifier() throws Exception {
        String old = "{\"input_shape\":[1,28,28],\"normalization\":{\"mean\":0.1307,\"std\":0.3081},\"class_names\":[\"0\",\"1\"]}";
        ModelSignature s = GraphJson.MAPPER.readValue(old, ModelSignature.class);
        assertEquals(Task.CLASSES, s.task());
        assertNull(s.standardization());
        assertEquals(List.of(), s.featureNames());
        assertEquals(0.1307, s.normalization().mean());
        assertTrue(!s.isTable());
    }

    @Test
    void preprocessingStandardisesRowsAndScalesPixelsAsInTraining() {
        Preprocessing table = new Preprocessing(null, new Standardization(new double[]{1, 2}, new double[]{0.5, 4}));
        assertArrayEquals(new float[]{2f, -0.5f}, table.toModelInput(new float[]{2, 0}), 1e-6f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table.toModelInput(new float[]{1}));
        assertTrue(e.getMessage().contains("a row of 1 values for a model that reads 2 features"), e.getMessage());

        Preprocessing pixels = Preprocessing.of(new ModelSignature(new int[]{1, 1, 2}, new Normalization(0.5, 0.5), List.of()));
        assertArrayEquals(new float[]{-1f, 1f}, pixels.toModelInput(new float[]{0, 255}), 1e-6f);
        // The same values the trainer's look-up table gives.
        float[] lut = new Normalization(0.5, 0.5).lookupTable();
        assertEquals(lut[77], pixels.toModelInput(new float[]{77})[0], 1e-7f);
    }
}
