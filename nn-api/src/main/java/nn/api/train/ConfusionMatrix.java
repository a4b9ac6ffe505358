package nn.api.train;

/** Counts of (true class, predicted class) over a data split, with the figures drawn from it. */
public final class ConfusionMatrix {
    private final long[][] counts;

    public ConfusionMatrix(int classes) {
        this.counts = new long[classes][classes];
    }

    public void add(int trueClass, int predicted) {
        counts[trueClass][predicted]++;
    }

    public int classes() {
        return counts.length;
    }

    public long count(int trueClass, int predicted) {
        return counts[trueClass][predicted];
    }

    public long total() {
        long n = 0;
        for (long[] row : counts) for (long c : row) n += c;
        return n;
    }

    public long correct() {
        long n = 0;
        for (int i = 0; i < counts.length; i++) n += counts[i][i];
        return n;
    }

    public double accuracy() {
        long total = total();
        return total == 0 ? 0 : (double) correct() / total;
    }

    /** Recall of one class: the fraction of its examples predicted as it. */
    public double classAccuracy(int c) {
        long n = 0;
        for (long v : counts[c]) n += v;
        return n == 0 ? 0 : (double) counts[c][c] / n;
    }

    public long support(int c) {
        long n = 0;
        for (long v : counts[c]) n += v;
        return n;
    }
}
