package nn.api.random;

/**
 * SplitMix64, the one place nn mixes seeds: a fast generator whose whole state is one long (so
 * a checkpoint can save the exact position and a resumed run draws the same numbers), and its
 * finaliser {@link #mix} for deriving well-spread seeds from a run seed and an index (a node,
 * an epoch, a worker), so neighbouring seeds and indices share nothing.
 */
public final class SplitMix64 {
    /** The generator's increment (2^64 divided by the golden ratio), also used to spread indices. */
    public static final long GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    public long state() {
        return state;
    }

    public void setState(long state) {
        this.state = state;
    }

    public long nextLong() {
        return mix(state += GAMMA);
    }

    /** Uniform in [0, 1), 24 random bits (all a float holds). */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** SplitMix64's finaliser: every input bit affects every output bit. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
