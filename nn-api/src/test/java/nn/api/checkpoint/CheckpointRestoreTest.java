package nn.api.checkpoint;

import nn.api.graph.Graph;
import nn.api.graph.GraphInput;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.registry.Registry;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A checkpoint's graph is untrusted: its arguments and parameter count are checked before allocating. */
class CheckpointRestoreTest {
    static final Registry REGISTRY = Registry.load();

    static Checkpoint checkpoint(Map<String, Object> denseArgs, long params) {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Graph graph = new Graph("g", List.of(new GraphInput("x", Shape.of(4))),
                List.of(new Node("d", "dense", List.of("x"), denseArgs)), List.of("d"), null);
        return new Checkpoint("", graph, Nd4j.zeros(DataType.FLOAT, params), Map.of(), Map.of(),
                CheckpointMetadata.untrained(new ModelSignature(new int[]{4}, null, null)));
    }

    @Test
    void restoresAGraphThatFitsItsParameters() {
        var network = CheckpointRestore.network(checkpoint(Map.of("units", 2, "bias", true, "init", "xavier"), 10), REGISTRY);
        assertEquals(10, network.parameterCount());
    }

    @Test
    void anArgumentOutsideItsSchemaIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> CheckpointRestore.network(checkpoint(Map.of("units", -3), 10), REGISTRY));
        assertTrue(e.getMessage().startsWith("node 'd' (dense): "), e.getMessage());
        assertTrue(e.getMessage().contains("units"), e.getMessage());
    }

    @Test
    void aGraphAskingForMoreParametersThanSavedFailsBeforeAllocatingThem() {
        // 2 * 10^9 weights would be 8 GB of floats: refused from the layers' declarations alone
        var e = assertThrows(IllegalArgumentException.class,
                () -> CheckpointRestore.network(checkpoint(Map.of("units", 500_000_000, "bias", true, "init", "xavier"), 10), REGISTRY));
        assertTrue(e.getMessage().contains("but 10 are given"), e.getMessage());
    }
}
