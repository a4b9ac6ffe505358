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

    /** The test split as images, for what only images have (pictures of predictions). */
    public ImageSet testImages() {
        if (test instanceof ImageSet images) return images;
        throw new IllegalStateException(name + " is not an image data set");
    }

    public ImageSet trainImages() {
        if (train instanceof ImageSet images) return images;
        throw new IllegalStateException(name + " is not an image data set");
    }
}
