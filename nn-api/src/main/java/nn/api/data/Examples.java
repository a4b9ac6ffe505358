package nn.api.data;

import java.util.Random;

/**
 * One split of a data set as the trainer sees it: `count` examples of `featureSize` raw values
 * each, and a target that is either a class label or `targetWidth` numbers ({@link #task()}).
 * Implementations keep their raw form (uint8 pixels, float columns) and convert a batch at a time.
 */
public interface Examples {

    int count();

    /** Values per example as fed to the model (channels x rows x cols for images). */
    int featureSize();

    Task task();

    /** Floats per example in a target batch: the number of classes (one-hot) or of target values. */
    int targetWidth();

    /** The number of classes; 0 for a {@link Task#VALUES} set. */
    int classes();

    /** The class of an example ({@link Task#CLASSES} only). */
    int label(int example);

    /** Target value j of an example: 0/1 of the one-hot row for classes. */
    float target(int example, int j);

    /** The examples at the given indices, in that order, as a set of their own. */
    Examples select(int[] indices);

    /** The first `n` examples. */
    default Examples head(int n) {
        int m = Math.min(n, count());
        int[] first = new int[m];
        for (int i = 0; i < m; i++) first[i] = i;
        return select(first);
    }

    /**
     * Writes examples order[from .. from+n) into `x` (n * featureSize floats, preprocessed into
     * the model's input) and `target` (n * targetWidth floats). `normalization` applies to
     * pixels; tables carry their own per-feature standardisation.
     */
    void fill(int[] order, int from, int n, Normalization normalization, Augmentation augmentation, Random rng,
              float[] x, float[] target);
}
