package nn.datasets.numpy;

import nn.datasets.SeededSplit;
import nn.api.data.DataException;
import nn.api.data.Dataset;
import nn.api.data.Examples;
import nn.api.data.ImageSet;
import nn.api.data.Normalization;
import nn.api.data.Standardization;
import nn.api.data.TableSet;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Turns feature and target arrays into a data set. uint8 features of shape (N, H, W) or
 * (N, C, H, W) are images (kept as bytes, scaled and normalised like MNIST); anything else is a
 * table of N rows, standardised with the training split's statistics. Integer targets are
 * classes 0..k-1 (unless `task = "values"`), float targets values, one or (N, K) several.
 */
final class ArrayDataset {
    private ArrayDataset() {
    }

    record Split(NpyArray x, NpyArray y) {
    }

    static Dataset build(String name, Split train, Split test, NumpyArgs a, Map<String, String> checksums)
            throws DataException {
        check(train);
        if (test != null) {
            check(test);
            if (test.x().rowSize() != train.x().rowSize()) {
                throw new DataException(test.x().name() + ": " + test.x().rowSize() + " values per example, but "
                        + train.x().name() + " has " + train.x().rowSize());
            }
        }
        boolean classes = a.task().equals("classes") || (a.task().equals("auto") && train.y().isInteger());
        if (classes && !train.y().isInteger() && a.task().equals("classes")) {
            throw new DataException(train.y().name() + ": task = \"classes\" needs integer labels, but the dtype is "
                    + train.y().dtype());
        }
        int k = classes ? classCount(train.y(), test == null ? null : test.y()) : 0;
        Examples tr = examples(train, classes, k);
        Examples te;
        if (test == null) {
            Examples[] split = split(tr, a.testSplit(), a.seed(), train.x().name());
            tr = split[0];
            te = split[1];
        } else {
            te = examples(test, classes, k);
        }
        if (a.trainLimit() > 0) tr = tr.head(a.trainLimit());
        if (a.testLimit() > 0) te = te.head(a.testLimit());
        if (tr instanceof TableSet t) {
            Standardization s = a.standardize() ? Standardization.fit(t.features(), t.featureCount())
                    : Standardization.identity(t.featureCount());
            tr = t.withStandardization(s);
            te = ((TableSet) te).withStandardization(s);
        }
        List<String> names = IntStream.range(0, k).mapToObj(String::valueOf).toList();
        return new Dataset(name, tr, te, names, tr instanceof ImageSet ? a.normalization() : Normalization.NONE, checksums);
    }

    private static void check(Split s) throws DataException {
        if (s.x().shape().length < 1) throw new DataException(s.x().name() + ": a scalar, not an array of examples");
        if (s.x().rows() == 0) throw new DataException(s.x().name() + ": no examples (shape " + java.util.Arrays.toString(s.x().shape()) + ")");
        if (s.y().shape().length < 1 || s.y().shape().length > 2) {
            throw new DataException(s.y().name() + ": targets must have shape (N,) or (N, K), not "
                    + java.util.Arrays.toString(s.y().shape()));
        }
        if (s.y().rows() != s.x().rows()) {
            throw new DataException(s.y().name() + ": " + s.y().rows() + " targets for the " + s.x().rows()
                    + " examples of " + s.x().name());
        }
    }

    private static int classCount(NpyArray y, NpyArray testY) throws DataException {
        if (y.shape().length != 1) throw new DataException(y.name() + ": class labels must have shape (N,), not "
                + java.util.Arrays.toString(y.shape()));
        int max = 0;
        for (NpyArray labels : testY == null ? List.of(y) : List.of(y, testY)) {
            for (long i = 0; i < labels.rows(); i++) {
                float v = labels.get(i);
                if (v < 0 || v != Math.rint(v) || v > 65535) {
                    throw new DataException(labels.name() + ": index " + i + ": class label " + v + " is not an integer in 0..65535");
                }
                max = Math.max(max, (int) v);
            }
        }
        if (max < 1) throw new DataException(y.name() + ": one class only (0): nothing to learn");
        return max + 1;
    }

    private static Examples examples(Split s, boolean classes, int k) throws DataException {
        NpyArray x = s.x(), y = s.y();
        int n = (int) x.rows();
        int rank = x.shape().length;
        if (classes && x.isUint8() && (rank == 3 || rank == 4) && k <= 256) {
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) labels[i] = (byte) (int) y.get(i);
            int c = rank == 4 ? (int) x.shape()[1] : 1;
            int h = (int) x.shape()[rank - 2], w = (int) x.shape()[rank - 1];
            return new ImageSet(x.bytes(), labels, n, c, h, w, k);
        }
        int width = (int) x.rowSize();
        float[] features = x.floats();
        if (features == null) {
            features = new float[x.bytes().length];
            for (int i = 0; i < features.length; i++) features[i] = x.bytes()[i] & 0xFF;
        }
        if (classes) {
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) labels[i] = (int) y.get(i);
            return TableSet.ofClasses(features, width, labels, k);
        }
        int targets = (int) y.rowSize();
        float[] values = new float[n * targets];
        for (int i = 0; i < values.length; i++) values[i] = y.get(i);
        return TableSet.ofValues(features, width, values, targets);
    }

    private static Examples[] split(Examples all, double fraction, long seed, String name) throws DataException {
        int[][] parts = SeededSplit.indices(all.count(), fraction, seed, name, "examples", "test arrays");
        return new Examples[]{all.select(parts[0]), all.select(parts[1])};
    }
}
