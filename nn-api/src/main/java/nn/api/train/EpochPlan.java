package nn.api.train;

import nn.api.data.Examples;
import nn.api.random.Permutations;
import nn.api.random.SplitMix64;

import java.util.Arrays;
import java.util.Random;

/**
 * Everything random about a run's epochs, derived from the seed and the epoch's number alone:
 * the validation hold-out, each epoch's order of the training examples and its augmentation
 * generator. So a run resumed at epoch k, and nn-spark's workers, see exactly what the
 * uninterrupted single process saw.
 */
public final class EpochPlan {
    /** Keeps the augmentation stream apart from the shuffle's, which is seeded by the same epoch seed. */
    private static final long AUGMENTATION_STREAM = 0x5DEECE66DL;

    private final TrainConfig config;

    public EpochPlan(TrainConfig config) {
        this.config = config;
    }

    /** The training examples and the held-out validation examples (null without a validation fraction). */
    public record Split(Examples fit, Examples validation) {
    }

    /** A seed for one epoch's randomness, well mixed so neighbouring seeds and epochs share nothing. */
    public static long epochSeed(long seed, int epoch) {
        return SplitMix64.mix(seed * SplitMix64.GAMMA + epoch * 0xBF58476D1CE4E5B9L);
    }

    /**
     * A fixed, seeded choice of the config's validation fraction of `train` held out: the same in
     * every epoch and in a resumed run.
     *
     * @throws IllegalArgumentException when the fraction leaves no training or no validation examples
     */
    public Split split(Examples train) {
        if (config.validation() == 0) return new Split(train, null);
        int held = train.count() - fitCount(train.count());
        int[] order = holdOut(train.count());
        return new Split(train.select(Arrays.copyOfRange(order, held, order.length)),
                train.select(Arrays.copyOfRange(order, 0, held)));
    }

    /**
     * The indices of {@link #split}'s training part out of `n` examples, in the order it holds them
     * (for readers that keep part of the examples and must know which ones without the rest).
     */
    public int[] fitIndices(int n) {
        if (config.validation() == 0) return Permutations.identity(n);
        int fit = fitCount(n);
        return Arrays.copyOfRange(holdOut(n), n - fit, n);
    }

    private int fitCount(int n) {
        int held = (int) Math.round(n * config.validation());
        if (held < 1 || held >= n) {
            throw new IllegalArgumentException("a validation fraction of " + config.validation() + " of "
                    + n + " examples leaves no " + (held < 1 ? "validation" : "training") + " examples");
        }
        return n - held;
    }

    /** The validation fraction's examples first, then the training part's. */
    private int[] holdOut(int n) {
        return Permutations.shuffled(n, new Random(epochSeed(config.seed(), 0)));
    }

    /** The order in which epoch `epoch` visits the n training examples: shuffled unless the config says not to. */
    public int[] order(int n, int epoch) {
        return config.shuffle() ? Permutations.shuffled(n, new Random(epochSeed(config.seed(), epoch))) : Permutations.identity(n);
    }

    /** The generator of epoch `epoch`'s image augmentation: its own stream, so a resumed run draws the same images. */
    public Random augmentation(int epoch) {
        return new Random(epochSeed(config.seed(), epoch) ^ AUGMENTATION_STREAM);
    }
}
