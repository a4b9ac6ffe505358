package nn.api.data;

import java.util.List;
import java.util.Map;

/**
 * A loaded data set: both splits, class names, the normalisation it was asked for, the SHA-256
 * of each file it read (recorded in checkpoints), and for tables the names of the feature and
 * target columns (empty for images).
 */
public record Dataset(String name, Examples train, Examples test, List<String> classNames,
                      Normalization normalization, Map<String, String> checksums, Columns columns) {

    /** The names of a table's columns: what the model reads and what it predicts. */
    public record Columns(List<String> features, List<String> targets) {
        public static final Columns NONE = new Columns(List.of(), List.of());

        public Columns {
            features = features == null ? List.of() : List.copyOf(features);
            targets = targets == null ? List.of() : List.copyOf(targets);
        }
    }

    public Dataset {
        if (train.featureSize() != test.featureSize() || train.task() != test.task()
                || train.targetWidth() != test.targetWidth()) {
            throw new IllegalArgumentException(name + ": the training and test splits differ in features or targets");
        }
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        columns = columns == null ? Columns.NONE : columns;
    }

    /** An image data set. */
    public Dataset(String name, Examples train, Examples test, List<String> classNames,
                   Normalization normalization, Map<String, String> checksums) {
        this(name, train, test, classNames, normalization, checksums, Columns.NONE);
    }

    public Task task() {
        return train.task();
    }

    /** The per-feature standardisation of a table (computed on its training split); null for images. */
    public Standardization standardization() {
        return train instanceof TableSet t ? t.standardization() : null;
    }

    /** This data set with a table's features standardised by `s` (a checkpoint's); images are unchanged. */
    public Dataset withStandardization(Standardization s) {
        if (s == null || !(train instanceof TableSet tr) || !(test instanceof TableSet te)) return this;
        return new Dataset(name, tr.withStandardization(s), te.withStandardization(s), classNames, normalization,
                checksums, columns);
    }

    /** True when the examples are pictures (in memory or mapped), which can be drawn. */
    public boolean isImages() {
        return test instanceof ImageSet || test instanceof MappedImageSet;
    }

    /** The first `n` test images on the heap, for what only images have (pictures of predictions). */
    public ImageSet testImages(int n) {
        return images(test, n);
    }

    /** The first `n` training images on the heap. */
    public ImageSet trainImages(int n) {
        return images(train, n);
    }

    /** The whole test split as in-memory images. */
    public ImageSet testImages() {
        return images(test, test.count());
    }

    public ImageSet trainImages() {
        return images(train, train.count());
    }

    private ImageSet images(Examples split, int n) {
        if (split instanceof ImageSet images) return n >= images.count() ? images : images.head(n);
        if (split instanceof MappedImageSet mapped) return ((MappedImageSet) mapped.head(n)).copyToHeap();
        throw new IllegalStateException(name + " is not an image data set");
    }
}
