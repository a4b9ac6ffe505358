package nn.api.random;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed mixer every saved run depends on: its numbers must never change. */
class SplitMix64Test {

    @Test
    void drawsTheReferenceSequence() {
        // SplitMix64's published output for seed 0.
        SplitMix64 rng = new SplitMix64(0);
        assertEquals(0xE220A8397B1DCDAFL, rng.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, rng.nextLong());
        assertEquals(0x06C45D188009454FL, rng.nextLong());
        assertEquals(3 * SplitMix64.GAMMA, rng.state());
    }

    @Test
    void aRestoredStateContinuesTheSameStream() {
        SplitMix64 a = new SplitMix64(99);
        a.nextLong();
        SplitMix64 b = new SplitMix64(0);
        b.setState(a.state());
        assertEquals(a.nextFloat(), b.nextFloat());
        float f = a.nextFloat();
        assertTrue(f >= 0 && f < 1, "nextFloat " + f);
    }

    @Test
    void mixIsTheGeneratorsOutputFunction() {
        assertEquals(new SplitMix64(41).nextLong(), SplitMix64.mix(41 + SplitMix64.GAMMA));
    }

    @Test
    void shuffledIsAPermutationAndRepeatsForTheSameGenerator() {
        int[] a = Permutations.shuffled(50, new Random(5));
        assertArrayEquals(a, Permutations.shuffled(50, new Random(5)));
        assertNotEquals(Arrays.toString(Permutations.identity(50)), Arrays.toString(a));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        assertArrayEquals(Permutations.identity(50), sorted);
    }
}
