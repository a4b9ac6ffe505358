package nn.datasets;

import nn.api.data.DataException;
import nn.api.random.Permutations;

import java.util.Arrays;
import java.util.Random;

/**
 * The seeded hold-out of the file-based data sets (csv, npy, images): the same examples for the
 * same seed, data and fraction. Each part keeps file order, so a limit takes the first examples.
 */
public final class SeededSplit {
    private SeededSplit() {
    }

    /**
     * Indices of the training part and of the test part.
     *
     * @param where  the file or folder, for the error
     * @param unit   what the examples are called there (rows, images, examples)
     * @param remedy what the user can give instead (a test file, a test folder, test arrays)
     */
    public static int[][] indices(int n, double fraction, long seed, String where, String unit, String remedy)
            throws DataException {
        int held = (int) Math.round(n * fraction);
        if (held < 1 || held >= n) {
            throw new DataException(where + ": test_split = " + fraction + " of " + n + " " + unit + " leaves no "
                    + (held < 1 ? "test" : "training") + " " + unit + "; give " + remedy + " or more " + unit);
        }
        int[] order = Permutations.shuffled(n, new Random(seed));
        int[] test = Arrays.copyOfRange(order, 0, held);
        int[] train = Arrays.copyOfRange(order, held, n);
        Arrays.sort(test);
        Arrays.sort(train);
        return new int[][]{train, test};
    }
}
