package nn.api.data;

/**
 * A split of an image classification data set, kept as the original uint8 bytes (47 MB for
 * MNIST's training images instead of 188 MB of floats); batches are converted on the fly.
 */
public record ImageSet(byte[] pixels, byte[] labels, int count, int channels, int rows, int cols, int classes)
        implements Examples {

    public ImageSet {
        if ((long) count * channels * rows * cols != pixels.length) {
            throw new IllegalArgumentException("pixel buffer holds " + pixels.length + " bytes, expected "
                    + (long) count * channels * rows * cols);
        }
        if (labels.length != count) {
            throw new IllegalArgumentException(labels.length + " labels for " + count + " images");
        }
    }

    public int imageSize() {
        return channels * rows * cols;
    }

    @Override
    public int featureSize() {
        return imageSize();
    }

    @Override
    public Task task() {
        return Task.CLASSES;
    }

    @Override
    public int targetWidth() {
        return classes;
    }

    @Override
    public int label(int index) {
        return labels[index] & 0xFF;
    }

    @Override
    public float target(int example, int j) {
        return label(example) == j ? 1f : 0f;
    }

    /** The first `n` examples (for tests and quick runs); shares no arrays with this set. */
    @Override
    public ImageSet head(int n) {
        int m = Math.min(n, count);
        byte[] p = java.util.Arrays.copyOf(pixels, m * imageSize());
        byte[] l = java.util.Arrays.copyOf(labels, m);
        return new ImageSet(p, l, m, channels, rows, cols, classes);
    }

    /** The examples at the given indices, in that order, as a set of their own. */
    @Override
    public ImageSet select(int[] indices) {
        int size = imageSize();
        byte[] p = new byte[indices.length * size];
        byte[] l = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * size, p, i * size, size);
            l[i] = labels[indices[i]];
        }
        return new ImageSet(p, l, indices.length, channels, rows, cols, classes);
    }

    /**
     * Writes examples order[from .. from+n) into `x` (n * imageSize floats, pixels scaled to
     * [0,1] then normalised) and `oneHot` (n * classes floats).
     */
    public void fill(int[] order, int from, int n, Normalization norm, float[] x, float[] oneHot) {
        fill(order, from, n, norm, Augmentation.NONE, null, x, oneHot);
    }

    /** As {@link #fill(int[], int, int, Normalization, float[], float[])}, each image augmented with `rng`. */
    @Override
    public void fill(int[] order, int from, int n, Normalization norm, Augmentation augmentation, java.util.Random rng,
                     float[] x, float[] oneHot) {
        int size = imageSize();
        float[] lut = norm.lookupTable();
        if (!augmentation.isNone()) {
            java.util.Arrays.fill(oneHot, 0, n * classes, 0f);
            float scale = (float) (1 / (255.0 * norm.std())), shift = (float) (norm.mean() / norm.std());
            for (int i = 0; i < n; i++) {
                int example = order[from + i];
                augmentation.apply(pixels, example * size, channels, rows, cols, rng, x, i * size, scale, shift);
                oneHot[i * classes + label(example)] = 1f;
            }
            return;
        }
        java.util.Arrays.fill(oneHot, 0, n * classes, 0f);
        for (int i = 0; i < n; i++) {
            int example = order[from + i];
            int src = example * size;
            int dst = i * size;
            for (int j = 0; j < size; j++) x[dst + j] = lut[pixels[src + j] & 0xFF];
            oneHot[i * classes + label(example)] = 1f;
        }
    }
}
