package nn.api.data;

/** Pixel p in 0..255 becomes (p / 255 - mean) / std. */
public record Normalization(double mean, double std) {

    public static final Normalization NONE = new Normalization(0, 1);

    public Normalization {
        if (!(std > 0)) throw new IllegalArgumentException("normalisation std must be > 0, not " + std);
    }

    /** The 256 possible results, so batching is a table look-up per pixel. */
    public float[] lookupTable() {
        float[] t = new float[256];
        for (int p = 0; p < 256; p++) t[p] = (float) ((p / 255.0 - mean) / std);
        return t;
    }
}
