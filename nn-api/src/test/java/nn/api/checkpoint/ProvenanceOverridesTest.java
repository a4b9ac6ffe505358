package nn.api.checkpoint;

import nn.api.graph.GraphJson;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The constants a run's command line replaced are recorded in order; older checkpoints have none. */
class ProvenanceOverridesTest {

    @Test
    void overridesRoundTripInTheirOrder() throws Exception {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("width", "256");
        set.put("lr", "3e-3");
        Provenance p = new Provenance("t", Map.of(), 1, 64, 2, null, "mnist", Map.of()).withOverrides(set);
        String json = GraphJson.MAPPER.writeValueAsString(p);
        Provenance back = GraphJson.MAPPER.readValue(json, Provenance.class);
        assertEquals(p, back);
        assertEquals(List.of("width", "lr"), List.copyOf(back.overrides().keySet()));
    }

    @Test
    void aProvenanceWithoutOverridesWritesNoneAndAnOlderOneReadsAsNone() throws Exception {
        Provenance p = new Provenance("t", Map.of(), 1, 64, 2, null, "mnist", Map.of());
        assertFalse(GraphJson.MAPPER.writeValueAsString(p).contains("overrides"));
        String old = "{\"nn_version\":\"0.1.0\",\"seed\":42,\"batch\":64,\"epochs\":10,\"dataset\":\"mnist\"}";
        assertEquals(Map.of(), GraphJson.MAPPER.readValue(old, Provenance.class).overrides());
    }
}
