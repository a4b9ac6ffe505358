package nn.api.random;

import java.util.Random;

/** Orders of n examples: the identity, or a seeded shuffle that is the same for the same generator. */
public final class Permutations {
    private Permutations() {
    }

    /** 0, 1, ..., n - 1. */
    public static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return order;
    }

    /** 0..n-1 shuffled with `rng` (training orders, validation and test hold-outs). */
    public static int[] shuffled(int n, Random rng) {
        int[] order = identity(n);
        shuffle(order, rng);
        return order;
    }

    /** Shuffles `order` in place by Fisher-Yates, drawing from `rng`. */
    public static void shuffle(int[] order, Random rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
