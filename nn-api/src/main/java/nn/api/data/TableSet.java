package nn.api.data;

import java.util.Random;

/**
 * A split of a table: raw float features (row-major, `featureCount` per row) and either class
 * labels (`labels`, `classes` > 0) or `targetCount` float targets per row. Features are kept raw
 * and standardised batch by batch with `standardization` (computed on the training split), so
 * the same raw rows give the same input in training, evaluation and prediction.
 */
public record TableSet(float[] features, int featureCount, int[] labels, int classes, float[] targets, int targetCount,
                       Standardization standardization) implements Examples {

    public TableSet {
        if (featureCount < 1) throw new IllegalArgumentException("a table needs at least one feature column");
        if (features.length % featureCount != 0) {
            throw new IllegalArgumentException(features.length + " feature values do not make rows of " + featureCount);
        }
        int rows = features.length / featureCount;
        if (labels != null && labels.length != rows) throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
        if (labels == null && (targets == null || targetCount < 1 || targets.length != (long) rows * targetCount)) {
            throw new IllegalArgumentException("a table needs class labels or " + rows + " x " + targetCount + " targets");
        }
        if (standardization == null) standardization = Standardization.identity(featureCount);
        if (standardization.features() != featureCount) {
            throw new IllegalArgumentException("standardisation for " + standardization.features()
                    + " features applied to a table of " + featureCount);
        }
    }

    /** A table with class labels. */
    public static TableSet ofClasses(float[] features, int featureCount, int[] labels, int classes) {
        return new TableSet(features, featureCount, labels, classes, null, 0, null);
    }

    /** A table with numeric targets. */
    public static TableSet ofValues(float[] features, int featureCount, float[] targets, int targetCount) {
        return new TableSet(features, featureCount, null, 0, targets, targetCount, null);
    }

    /** This table standardised with `s` (the training split's, or a checkpoint's). */
    public TableSet withStandardization(Standardization s) {
        return new TableSet(features, featureCount, labels, classes, targets, targetCount, s);
    }

    @Override
    public int count() {
        return features.length / featureCount;
    }

    @Override
    public int featureSize() {
        return featureCount;
    }

    @Override
    public Task task() {
        return labels != null ? Task.CLASSES : Task.VALUES;
    }

    @Override
    public int targetWidth() {
        return labels != null ? classes : targetCount;
    }

    @Override
    public int label(int example) {
        if (labels == null) throw new IllegalStateException("a table of values has no class labels");
        return labels[example];
    }

    @Override
    public float target(int example, int j) {
        return labels != null ? (labels[example] == j ? 1f : 0f) : targets[example * targetCount + j];
    }

    @Override
    public TableSet select(int[] indices) {
        float[] f = new float[indices.length * featureCount];
        int[] l = labels == null ? null : new int[indices.length];
        float[] t = targets == null ? null : new float[indices.length * targetCount];
        for (int i = 0; i < indices.length; i++) {
            int e = indices[i];
            System.arraycopy(features, e * featureCount, f, i * featureCount, featureCount);
            if (l != null) l[i] = labels[e];
            if (t != null) System.arraycopy(targets, e * targetCount, t, i * targetCount, targetCount);
        }
        return new TableSet(f, featureCount, l, classes, t, targetCount, standardization);
    }

    @Override
    public void fill(int[] order, int from, int n, Normalization normalization, Augmentation augmentation, Random rng,
                     float[] x, float[] target) {
        int width = targetWidth();
        if (labels != null) java.util.Arrays.fill(target, 0, n * width, 0f);
        for (int i = 0; i < n; i++) {
            int e = order[from + i];
            standardization.apply(features, e * featureCount, x, i * featureCount);
            if (labels != null) target[i * width + labels[e]] = 1f;
            else System.arraycopy(targets, e * targetCount, target, i * targetCount, targetCount);
        }
    }
}
