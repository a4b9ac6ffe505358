package nn.api.checkpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import nn.api.NnVersion;
import nn.api.data.Dataset;
import nn.api.graph.Call;
import nn.api.graph.TrainSpec;

import java.util.Map;

/**
 * Where a trained model came from: the versions and backend that trained it, the run's settings
 * and the checksums of the data it saw. Facts for a reader; nothing is restored from them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(
        @JsonProperty("nn_version") String nnVersion,
        @JsonProperty("backend") Map<String, String> backend,
        @JsonProperty("seed") long seed,
        @JsonProperty("batch") int batch,
        @JsonProperty("epochs") int epochs,
        @JsonProperty("optimizer") Call optimizer,
        @JsonProperty("dataset") String dataset,
        @JsonProperty("dataset_sha256") Map<String, String> datasetSha256) {

    public Provenance {
        backend = backend == null ? Map.of() : Map.copyOf(backend);
        datasetSha256 = datasetSha256 == null ? Map.of() : Map.copyOf(datasetSha256);
    }

    /** A model this nn holds but did not train: no run settings, no data. */
    public static Provenance untrained() {
        return new Provenance(NnVersion.current(), Map.of(), 0, 0, 0, null, null, Map.of());
    }

    /** The provenance of a run of this nn with these settings, on this backend, over this data. */
    public static Provenance of(TrainSpec train, Map<String, String> backend, Dataset data) {
        return new Provenance(NnVersion.current(), backend, train.settings().seed(), train.settings().batch(),
                train.settings().epochs(),
                train.optimizer(), data.name(), data.checksums());
    }
}
