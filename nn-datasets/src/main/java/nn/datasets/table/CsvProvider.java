package nn.datasets.table;

import nn.datasets.SeededSplit;
import nn.api.data.DataException;
import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.data.Normalization;
import nn.api.data.Standardization;
import nn.api.data.TableSet;
import nn.api.data.TrainingShare;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.DatasetProvider;
import nn.datasets.Sha256;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `data = csv("train.csv", target = "price")`: a table with a header row. The target is a class
 * (words, or numbers with `task = "classes"`; class names kept) or one or more numbers. The test
 * rows come from a test file or a seeded split. Features are standardised with the training
 * split's mean and std, which the checkpoint keeps.
 */
public final class CsvProvider implements DatasetProvider {

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "a CSV table: numeric feature columns and a class or numeric target";
    }

    @Override
    public Schema schema() {
        return CsvArgs.schema();
    }

    @Override
    public Map<String, Object> resolveFiles(Map<String, Object> args, Path base) {
        return CsvArgs.resolve(args, base);
    }

    @Override
    public Dataset load(Args args, DataLocation location) throws IOException {
        CsvArgs a = CsvArgs.from(args);
        CsvTable.Rows train = CsvTable.read(a.train(), a.delimiter(), a.features(), a.targets(), 0);
        CsvTable.Rows test = a.test() == null ? null
                : CsvTable.read(a.test(), a.delimiter(), train.featureNames(), a.targets(), 0);
        boolean classes = classes(a, train);
        List<String> classNames = List.of();
        TableSet trainSet, testSet;
        if (classes) {
            CsvTable.TargetColumn column = train.targets().get(0);
            classNames = classNames(a, column);
            trainSet = TableSet.ofClasses(train.features(), train.featureNames().size(),
                    column.labels(classNames, a.train(), train.lines()), classNames.size());
            testSet = test == null ? null : TableSet.ofClasses(test.features(), test.featureNames().size(),
                    test.targets().get(0).labels(classNames, a.test(), test.lines()), classNames.size());
        } else {
            trainSet = TableSet.ofValues(train.features(), train.featureNames().size(), values(train, a.train()), a.targets().size());
            testSet = test == null ? null
                    : TableSet.ofValues(test.features(), test.featureNames().size(), values(test, a.test()), a.targets().size());
        }
        if (testSet == null) {
            TableSet[] split = split(trainSet, a.testSplit(), a.seed(), a.train());
            trainSet = split[0];
            testSet = split[1];
        }
        if (a.trainLimit() > 0) trainSet = (TableSet) trainSet.head(a.trainLimit());
        if (a.testLimit() > 0) testSet = (TableSet) testSet.head(a.testLimit());
        Standardization s = a.standardize() ? Standardization.fit(trainSet.features(), trainSet.featureCount())
                : Standardization.identity(trainSet.featureCount());
        return new Dataset(name(), trainSet.withStandardization(s), testSet.withStandardization(s), classNames,
                Normalization.NONE, checksums(a), new Dataset.Columns(train.featureNames(), a.targets()));
    }

    /**
     * Only `share` of the training split (after the test split and `train_limit`), for a worker
     * that holds part of the table: a first pass counts the rows (the seeded test split needs the
     * count), a second parses and checks every row as {@link #load} does but keeps only the shared
     * training rows. The standardisation is fitted on every training row as they stream past, and
     * the classes are the whole file's, so the kept rows are exactly those {@link #load} holds. The
     * test split is left empty and a test file is not read.
     */
    @Override
    public Dataset load(Args args, DataLocation location, TrainingShare share) throws IOException {
        CsvArgs a = CsvArgs.from(args);
        int rows = CsvTable.count(a.train(), a.delimiter());
        int[] trainRows = a.test() != null || rows == 0 ? java.util.stream.IntStream.range(0, rows).toArray()
                : SeededSplit.indices(rows, a.testSplit(), a.seed(), a.train().toString(), "rows", "a test file")[0];
        if (a.trainLimit() > 0 && trainRows.length > a.trainLimit()) trainRows = Arrays.copyOf(trainRows, a.trainLimit());
        BitSet training = new BitSet(rows);
        for (int r : trainRows) training.set(r);
        BitSet kept = new BitSet(rows);
        for (int position : share.keep(trainRows.length)) kept.set(trainRows[position]);
        Standardization.Fit[] fit = new Standardization.Fit[1];
        CsvTable.Rows train = CsvTable.read(a.train(), a.delimiter(), a.features(), a.targets(), 0, kept::get,
                (row, values, from) -> {
                    if (!training.get(row)) return;
                    if (fit[0] == null) fit[0] = new Standardization.Fit(values.length);
                    fit[0].add(values, from);
                });
        int width = train.featureNames().size();
        List<String> classNames = List.of();
        TableSet trainSet;
        if (classes(a, train)) {
            CsvTable.TargetColumn column = train.targets().get(0);
            classNames = classNames(a, column);
            trainSet = TableSet.ofClasses(train.features(), width, column.labels(classNames, a.train(), train.lines()),
                    classNames.size());
        } else {
            trainSet = TableSet.ofValues(train.features(), width, values(train, a.train()), a.targets().size());
        }
        Standardization s = a.standardize() && fit[0] != null ? fit[0].result() : Standardization.identity(width);
        TableSet standardised = trainSet.withStandardization(s);
        return new Dataset(name(), standardised, standardised.select(new int[0]), classNames, Normalization.NONE,
                checksums(a), new Dataset.Columns(train.featureNames(), a.targets()));
    }

    /** The class names of a target column of words (or numbers taken as classes), checked. */
    private static List<String> classNames(CsvArgs a, CsvTable.TargetColumn column) throws DataException {
        List<String> distinct = column.distinct();
        if (distinct == null) {
            throw new DataException(a.train() + ": column '" + column.name() + "' has more than "
                    + CsvTable.TargetColumn.MAX_CLASSES + " distinct values: too many to be classes");
        }
        List<String> classNames = CsvTable.classOrder(distinct);
        if (classNames.size() < 2) {
            throw new DataException(a.train() + ": column '" + column.name() + "' holds one class only ("
                    + classNames.get(0) + "): nothing to learn");
        }
        return classNames;
    }

    private static Map<String, String> checksums(CsvArgs a) throws IOException {
        Map<String, String> checksums = new LinkedHashMap<>();
        checksums.put(a.train().getFileName().toString(), Sha256.ofContent(a.train()));
        if (a.test() != null) checksums.put(a.test().getFileName().toString(), Sha256.ofContent(a.test()));
        return checksums;
    }

    /** Whether the target is classes: asked for, or words in an `auto` column. */
    private static boolean classes(CsvArgs a, CsvTable.Rows train) throws DataException {
        for (CsvTable.TargetColumn t : train.targets()) {
            if (a.task().equals("values") && !t.numeric()) {
                throw new DataException(a.train() + ":" + t.firstWord().replaceFirst("^line ", "") + " in column '"
                        + t.name() + "' is not a number, but task = \"values\" needs numbers");
            }
        }
        if (a.task().equals("classes")) return true;
        if (a.task().equals("values")) return false;
        boolean words = train.targets().stream().anyMatch(t -> !t.numeric());
        if (words && a.targets().size() > 1) {
            CsvTable.TargetColumn t = train.targets().stream().filter(c -> !c.numeric()).findFirst().orElseThrow();
            throw new DataException(a.train() + ": several targets must all be numbers, but column '" + t.name()
                    + "' has a word at " + t.firstWord());
        }
        return words;
    }

    private static float[] values(CsvTable.Rows rows, Path file) throws DataException {
        int k = rows.targets().size();
        float[] out = new float[rows.count() * k];
        for (int j = 0; j < k; j++) {
            CsvTable.TargetColumn t = rows.targets().get(j);
            if (!t.numeric()) {
                throw new DataException(file + ":" + t.firstWord().replaceFirst("^line ", "") + " in column '" + t.name()
                        + "' is not a number, but the training file's targets are numbers");
            }
            float[] v = t.values();
            for (int i = 0; i < v.length; i++) out[i * k + j] = v[i];
        }
        return out;
    }

    /** A seeded hold-out: the same rows for the same seed, file and fraction. */
    static TableSet[] split(TableSet all, double fraction, long seed, Path file) throws DataException {
        int[][] parts = SeededSplit.indices(all.count(), fraction, seed, file.toString(), "rows", "a test file");
        return new TableSet[]{all.select(parts[0]), all.select(parts[1])};
    }

    /** Reads rows to predict on: the columns a model was trained on, by name, from any CSV with a header. */
    public static CsvTable.Rows rowsToPredict(Path file, List<String> featureNames, char delimiter) throws DataException {
        return CsvTable.read(file, delimiter, new ArrayList<>(featureNames), List.of(), 0);
    }
}
