package nn.api.runtime;

import java.util.Random;

/** Fills a parameter's initial values; values come from a seeded Java RNG so runs repeat. */
public interface Initializer {
    /** Returns `count` initial values for a tensor with the given fan-in and fan-out. */
    double[] values(long count, int fanIn, int fanOut, Random rng);
}
