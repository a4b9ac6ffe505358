package nn.api.data;

import java.nio.ByteBuffer;
import java.util.Random;

/**
 * Images whose uint8 pixels stay in a (memory-mapped) buffer outside the heap: a decoded image
 * folder larger than the heap still trains, and the operating system pages in what each batch
 * reads. `index` says which stored images this set holds, in order, so splits and subsets are
 * views that copy no pixels. Labels (one byte an image) are on the heap.
 */
public record MappedImageSet(ByteBuffer pixels, long offset, byte[] storedLabels, int[] index, int channels, int rows,
                             int cols, int classes) implements Examples {

    public MappedImageSet {
        long size = (long) channels * rows * cols;
        for (int i : index) {
            if (i < 0 || i >= storedLabels.length || offset + (i + 1) * size > pixels.capacity()) {
                throw new IllegalArgumentException("image " + i + " is outside the buffer of " + storedLabels.length + " images");
            }
        }
    }

    /** Every stored image, in order. */
    public static MappedImageSet all(ByteBuffer pixels, long offset, byte[] labels, int channels, int rows, int cols, int classes) {
        int[] index = new int[labels.length];
        for (int i = 0; i < index.length; i++) index[i] = i;
        return new MappedImageSet(pixels, offset, labels, index, channels, rows, cols, classes);
    }

    public int imageSize() {
        return channels * rows * cols;
    }

    @Override
    public int count() {
        return index.length;
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
    public int label(int example) {
        return storedLabels[index[example]] & 0xFF;
    }

    @Override
    public float target(int example, int j) {
        return label(example) == j ? 1f : 0f;
    }

    @Override
    public MappedImageSet select(int[] indices) {
        int[] chosen = new int[indices.length];
        for (int i = 0; i < indices.length; i++) chosen[i] = index[indices[i]];
        return new MappedImageSet(pixels, offset, storedLabels, chosen, channels, rows, cols, classes);
    }

    /** These images copied onto the heap (for the first few, e.g. a picture of predictions). */
    public ImageSet copyToHeap() {
        int size = imageSize();
        byte[] p = new byte[Math.multiplyExact(count(), size)];
        byte[] l = new byte[count()];
        byte[] one = new byte[size];
        for (int i = 0; i < count(); i++) {
            pixels(i, one);
            System.arraycopy(one, 0, p, i * size, size);
            l[i] = (byte) label(i);
        }
        return new ImageSet(p, l, count(), channels, rows, cols, classes);
    }

    /** The pixels of one image (0..255 as bytes) into `out`. */
    public void pixels(int example, byte[] out) {
        pixels.get(Math.toIntExact(offset + (long) index[example] * imageSize()), out, 0, imageSize());
    }

    @Override
    public void fill(int[] order, int from, int n, Normalization norm, Augmentation augmentation, Random rng,
                     float[] x, float[] target) {
        int size = imageSize();
        float[] lut = norm.lookupTable();
        byte[] image = new byte[size];
        float scale = (float) (1 / (255.0 * norm.std())), shift = (float) (norm.mean() / norm.std());
        java.util.Arrays.fill(target, 0, n * classes, 0f);
        for (int i = 0; i < n; i++) {
            int example = order[from + i];
            pixels(example, image);
            if (augmentation.isNone()) {
                for (int j = 0; j < size; j++) x[i * size + j] = lut[image[j] & 0xFF];
            } else {
                augmentation.apply(image, 0, channels, rows, cols, rng, x, i * size, scale, shift);
            }
            target[i * classes + label(example)] = 1f;
        }
    }
}
