package nn.api.checkpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * Everything a checkpoint records besides its arrays, as `meta.json`: where the model came from
 * ({@link Provenance}), what a caller must feed it ({@link ModelSignature}) and where training
 * stands ({@link ResumeState}). Written by whoever trains, the CLI or a library user, through the
 * same types, so every checkpoint is equally complete.
 *
 * <p>Format history: 1 kept these facts as one flat JSON object; 2 groups them. Readers take
 * both ({@link LegacyMetadata}); writers write {@link #FORMAT}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckpointMetadata(
        @JsonProperty(FORMAT_KEY) int format,
        @JsonProperty("provenance") Provenance provenance,
        @JsonProperty("signature") ModelSignature signature,
        @JsonProperty("resume") ResumeState resume) {

    public static final String FORMAT_KEY = "format";
    /** The format this nn writes. */
    public static final int FORMAT = 2;

    public CheckpointMetadata {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(resume, "resume");
    }

    public CheckpointMetadata(Provenance provenance, ModelSignature signature, ResumeState resume) {
        this(FORMAT, provenance, signature, resume);
    }

    /** The metadata of a model that was not trained by nn (built by hand, imported). */
    public static CheckpointMetadata untrained(ModelSignature signature) {
        return new CheckpointMetadata(Provenance.untrained(), signature, ResumeState.UNTRAINED);
    }
}
