package nn.api.checkpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import nn.api.NnVersion;
import nn.api.data.Dataset;
import nn.api.graph.Call;
import nn.api.graph.TrainSpec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a trained model came from: the versions and backend that trained it, the run's settings,
 * the checksums of the data it saw, and the constants of its `.nn` file that the command line
 * replaced (`--set width=256`: name to value as given; absent in checkpoints written before
 * overrides existed, and when none were given). Facts for a reader; nothing is restored from them
 * (the checkpoint's graph was built with the overrides already).
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
        @JsonProperty("dataset_sha256") Map<String, String> datasetSha256,
        @JsonProperty("overrides") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> overrides) {

    public Provenance {
        backend = backend == null ? Map.of() : Map.copyOf(backend);
        datasetSha256 = datasetSha256 == null ? Map.of() : Map.copyOf(datasetSha256);
        overrides = overrides == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** A provenance without overridden constants. */
    public Provenance(String nnVersion, Map<String, String> backend, long seed, int batch, int epochs, Call optimizer,
                      String dataset, Map<String, String> datasetSha256) {
        this(nnVersion, backend, seed, batch, epochs, optimizer, dataset, datasetSha256, Map.of());
    }

    /** The same provenance, recording the constants the command line replaced (in the order given). */
    public Provenance withOverrides(Map<String, String> replaced) {
        return new Provenance(nnVersion, backend, seed, batch, epochs, optimizer, dataset, datasetSha256, replaced);
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
