package nn.datasets.table;

import nn.api.data.DataException;
import nn.api.schema.Suggest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Reads a CSV file with a header row (RFC 4180 quoting, any one-character delimiter, through
 * Apache Commons CSV) into raw float feature rows and the target column(s) as text, streaming:
 * no per-cell objects are kept, so a million rows cost their floats and little more.
 *
 * <p>Every mistake is one {@link DataException} naming the file, the line and the column.
 * Nothing is dropped: an empty cell in a feature column is an error like any other non-number.
 */
public final class CsvTable {

    /** What was read: features row-major, and per target column its cells (numbers or words). */
    public record Rows(Path file, List<String> featureNames, float[] features, List<String> targetNames,
                       List<TargetColumn> targets, int[] lines) {
        public int count() {
            return lines.length;
        }
    }

    private CsvTable() {
    }

    /**
     * Reads `file`. `features` empty means every column but the targets. `targets` may be
     * empty (rows to predict on).
     */
    public static Rows read(Path file, char delimiter, List<String> features, List<String> targets, int limit)
            throws DataException {
        return read(file, delimiter, features, targets, limit, row -> true, (row, values, from) -> { });
    }

    /** Sees each data row's raw features, kept or not (row: 0-based data row). */
    @FunctionalInterface
    public interface RowListener {
        void row(int row, float[] values, int from);
    }

    /**
     * Reads `file` but keeps only the data rows `keep` accepts (0-based, after the header): every
     * row is still parsed and checked, so a mistake anywhere names its line as a whole read would,
     * each row's features go to `every`, and a target column still learns every row's words
     * (classes are the whole file's).
     */
    public static Rows read(Path file, char delimiter, List<String> features, List<String> targets, int limit,
                            IntPredicate keep, RowListener every) throws DataException {
        CSVFormat format = format(delimiter);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) throw new DataException(file + ": empty file, expected a header row of column names");
            for (String t : targets) column(file, header, t, "target");
            List<String> featureNames = new ArrayList<>();
            if (features.isEmpty()) {
                for (String h : header) if (!targets.contains(h)) featureNames.add(h);
            } else {
                for (String f : features) {
                    column(file, header, f, "feature");
                    if (targets.contains(f)) throw new DataException(file + ": column '" + f + "' is both a feature and a target");
                }
                featureNames.addAll(features);
            }
            if (featureNames.isEmpty()) throw new DataException(file + ": no feature columns besides the target");
            int[] featureIndex = featureNames.stream().mapToInt(header::indexOf).toArray();
            List<TargetColumn> targetColumns = new ArrayList<>();
            for (String t : targets) targetColumns.add(new TargetColumn(t, header.indexOf(t)));

            int width = featureNames.size();
            float[] values = new float[1024 * width];
            float[] row = new float[width];
            int[] lines = new int[1024];
            int n = 0;
            int seen = 0;
            for (CSVRecord record : parser) {
                if (limit > 0 && seen >= limit) break;
                long line = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    throw new DataException(file + ":" + line + ": " + record.size() + " field"
                            + (record.size() == 1 ? "" : "s") + ", but the header has " + header.size());
                }
                boolean kept = keep.test(seen);
                if (kept && n == lines.length) {
                    lines = Arrays.copyOf(lines, n * 2);
                    values = Arrays.copyOf(values, Math.multiplyExact(n * 2, width));
                }
                for (int j = 0; j < width; j++) {
                    row[j] = number(file, line, featureNames.get(j), record.get(featureIndex[j]));
                }
                every.row(seen++, row, 0);
                for (TargetColumn t : targetColumns) {
                    if (kept) t.add(file, line, record.get(t.index()));
                    else t.see(file, line, record.get(t.index()));
                }
                if (!kept) continue;
                System.arraycopy(row, 0, values, n * width, width);
                lines[n++] = (int) Math.min(line, Integer.MAX_VALUE);
            }
            if (seen == 0) throw new DataException(file + ": no data rows after the header");
            return new Rows(file, featureNames, Arrays.copyOf(values, n * width), List.copyOf(targets), targetColumns,
                    Arrays.copyOf(lines, n));
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (DataException e) {
            throw e;
        } catch (java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // Commons CSV reports broken quoting and duplicate headers this way; its message names the line.
            throw new DataException(file + ": " + firstLine(e), e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** How many data rows `file` holds (a first pass for readers that keep some rows by their place in a split). */
    public static int count(Path file, char delimiter) throws DataException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format(delimiter))) {
            int n = 0;
            for (CSVRecord ignored : parser) n = Math.addExact(n, 1);
            return n;
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new DataException(file + ": " + firstLine(e), e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get();
    }

    static String firstLine(Throwable e) {
        Throwable t = e.getCause() != null && e instanceof java.io.UncheckedIOException ? e.getCause() : e;
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static void column(Path file, List<String> header, String name, String role) throws DataException {
        if (header.contains(name)) return;
        String guess = Suggest.closest(name, header);
        throw new DataException(file + ":1: no " + role + " column '" + name + "'"
                + (guess != null ? "; did you mean '" + guess + "'?" : "; the columns are " + String.join(", ", header)));
    }

    /** A cell of a numeric column as a float; anything else is an error naming line and column. */
    static float number(Path file, long line, String column, String cell) throws DataException {
        String s = cell.strip();
        try {
            if (s.isEmpty()) throw new NumberFormatException();
            float v = Float.parseFloat(s);
            if (!Float.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new DataException(file + ":" + line + ": column '" + column + "': "
                    + (s.isEmpty() ? "empty cell" : "'" + abbreviate(s) + "' is not a finite number"));
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /**
     * One target column's cells, kept as numbers while they parse and as words (distinct
     * values, up to {@link #MAX_CLASSES}) so that the column can become classes or values later.
     */
    public static final class TargetColumn {
        /** More distinct words than this cannot be classes; a column of numbers then stays numbers. */
        public static final int MAX_CLASSES = 10_000;
        private final String name;
        private final int index;
        private float[] numbers = new float[1024];
        private int[] wordIds = new int[1024];
        private final List<String> words = new ArrayList<>();
        private final java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        private int n;
        private long firstWordLine = -1;
        private String firstWord;
        private boolean tooManyWords;

        TargetColumn(String name, int index) {
            this.name = name;
            this.index = index;
        }

        public String name() {
            return name;
        }

        int index() {
            return index;
        }

        void add(Path file, long line, String cell) throws DataException {
            String s = cell.strip();
            if (s.isEmpty()) throw new DataException(file + ":" + line + ": column '" + name + "': empty target cell");
            if (n == numbers.length) {
                numbers = Arrays.copyOf(numbers, n * 2);
                wordIds = Arrays.copyOf(wordIds, n * 2);
            }
            numbers[n] = register(s, line);
            Integer id = ids.get(s);
            wordIds[n++] = id == null ? -1 : id;
        }

        /** A row that is not kept: checked, and its word counted among the column's, but not stored. */
        void see(Path file, long line, String cell) throws DataException {
            String s = cell.strip();
            if (s.isEmpty()) throw new DataException(file + ":" + line + ": column '" + name + "': empty target cell");
            register(s, line);
        }

        /** The cell as a number (NaN for a word); records the first word and each distinct cell. */
        private float register(String s, long line) {
            float v;
            try {
                v = Float.parseFloat(s);
                if (!Float.isFinite(v)) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                v = Float.NaN;
                if (firstWord == null) {
                    firstWord = s;
                    firstWordLine = line;
                }
            }
            if (!ids.containsKey(s) && !tooManyWords) {
                if (words.size() == MAX_CLASSES) {
                    tooManyWords = true;
                } else {
                    ids.put(s, words.size());
                    words.add(s);
                }
            }
            return v;
        }

        /** True when every cell is a number. */
        public boolean numeric() {
            return firstWord == null;
        }

        /** Where the first non-number is, e.g. "line 7: 'cat'", for messages. */
        public String firstWord() {
            return "line " + firstWordLine + ": '" + abbreviate(firstWord) + "'";
        }

        public float[] values() {
            return Arrays.copyOf(numbers, n);
        }

        /** The distinct cells, or null when there are more than {@link #MAX_CLASSES}. */
        public List<String> distinct() {
            return tooManyWords ? null : List.copyOf(words);
        }

        /** Each row's index in `classNames`; a cell not among them is an error naming its line. */
        public int[] labels(List<String> classNames, Path file, int[] lines) throws DataException {
            java.util.Map<String, Integer> position = new java.util.HashMap<>();
            for (int i = 0; i < classNames.size(); i++) position.put(classNames.get(i), i);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                String word = wordIds[i] < 0 ? null : words.get(wordIds[i]);
                Integer p = word == null ? null : position.get(word);
                if (p == null) {
                    throw new DataException(file + ":" + lines[i] + ": column '" + name + "': class '"
                            + (word == null ? "?" : abbreviate(word)) + "' is not among the training classes "
                            + abbreviateList(classNames));
                }
                labels[i] = p;
            }
            return labels;
        }

        private static String abbreviateList(List<String> names) {
            return names.size() <= 10 ? names.toString() : names.subList(0, 10) + " (" + names.size() + " in all)";
        }
    }

    /** Class names in a stable order: numerically for numbers, else alphabetically. */
    public static List<String> classOrder(List<String> distinct) {
        Set<String> unique = new LinkedHashSet<>(distinct);
        List<String> sorted = new ArrayList<>(unique);
        boolean numbers = sorted.stream().allMatch(CsvTable::isNumber);
        if (numbers) sorted.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        else sorted.sort(String::compareTo);
        return sorted;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
