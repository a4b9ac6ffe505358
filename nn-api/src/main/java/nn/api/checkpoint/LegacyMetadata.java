package nn.api.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nn.api.data.Normalization;
import nn.api.graph.Call;
import nn.api.train.EpochMetrics;

import java.util.List;
import java.util.Map;

/** Reads format 1's flat `meta.json` (nn 0.1 before typed metadata) into today's records. */
final class LegacyMetadata {
    static final int FORMAT = 1;

    private LegacyMetadata() {
    }

    static CheckpointMetadata read(JsonNode flat, ObjectMapper mapper) throws JsonProcessingException {
        Provenance provenance = new Provenance(text(flat, "nn_version"),
                mapper.treeToValue(flat.path("backend"), Map.class), flat.path("seed").asLong(),
                flat.path("batch").asInt(), flat.path("epochs").asInt(),
                flat.hasNonNull("optimizer") ? mapper.treeToValue(flat.get("optimizer"), Call.class) : null,
                text(flat, "dataset"), mapper.treeToValue(flat.path("dataset_sha256"), Map.class));
        ModelSignature signature = new ModelSignature(
                flat.hasNonNull("input_shape") ? mapper.treeToValue(flat.get("input_shape"), int[].class) : null,
                flat.hasNonNull("normalization") ? mapper.treeToValue(flat.get("normalization"), Normalization.class) : null,
                flat.hasNonNull("class_names") ? mapper.treeToValue(flat.get("class_names"), List.class) : null);
        ResumeState resume = new ResumeState(flat.path("epoch").asInt(), text(flat, "time"),
                flat.hasNonNull("metrics") ? mapper.treeToValue(flat.get("metrics"), EpochMetrics.class) : null,
                flat.hasNonNull("best_validation_loss") ? flat.get("best_validation_loss").asDouble() : null,
                flat.hasNonNull("epochs_without_improvement") ? flat.get("epochs_without_improvement").asInt() : null);
        return new CheckpointMetadata(provenance, signature, resume);
    }

    private static String text(JsonNode node, String key) {
        return node.hasNonNull(key) ? node.get(key).asText() : null;
    }
}
