package nn.stdlib.layer;

/**
 * A fast random generator whose whole state is one long (SplitMix64), so a checkpoint can
 * save the exact position and a resumed run draws the same numbers.
 */
final class SplitMix64 {
    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long state() {
        return state;
    }

    void setState(long state) {
        this.state = state;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1), 24 random bits (all a float holds). */
    float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }
}
