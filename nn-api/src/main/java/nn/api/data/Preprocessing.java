package nn.api.data;

import nn.api.checkpoint.ModelSignature;

/**
 * The one place that turns a raw example into the model's input, the same way in training,
 * `nn eval`, `nn predict` and any other code that loads a checkpoint: pixels (0..255) are scaled
 * to [0, 1] and normalised; table features are standardised per feature with the training
 * split's mean and std.
 */
public record Preprocessing(Normalization normalization, Standardization standardization) {

    public Preprocessing {
        normalization = normalization == null ? Normalization.NONE : normalization;
    }

    /** The preprocessing a checkpoint's model was trained with. */
    public static Preprocessing of(ModelSignature signature) {
        return new Preprocessing(signature.normalization(), signature.standardization());
    }

    public boolean isTable() {
        return standardization != null;
    }

    /**
     * The model's input for one raw example: a table row's feature values in column order, or
     * an image's pixels (0..255, channel-major) for an image model.
     *
     * @throws IllegalArgumentException when a row has the wrong number of features
     */
    public float[] toModelInput(float[] raw) {
        float[] out = new float[raw.length];
        toModelInput(raw, 0, out, 0, raw.length);
        return out;
    }

    /** As {@link #toModelInput(float[])} for raw[from .. from+size) into out[to ..), without allocating. */
    public void toModelInput(float[] raw, int from, float[] out, int to, int size) {
        if (standardization != null) {
            if (size != standardization.features()) {
                throw new IllegalArgumentException("a row of " + size + " values for a model that reads "
                        + standardization.features() + " features");
            }
            standardization.apply(raw, from, out, to);
            return;
        }
        double mean = normalization.mean(), std = normalization.std();
        for (int j = 0; j < size; j++) out[to + j] = (float) ((raw[from + j] / 255.0 - mean) / std);
    }
}
