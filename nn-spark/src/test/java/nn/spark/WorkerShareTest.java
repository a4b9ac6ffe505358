package nn.spark;

import nn.api.data.Augmentation;
import nn.api.data.Examples;
import nn.api.data.ImageSet;
import nn.api.train.EpochPlan;
import nn.api.train.TrainConfig;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which examples a sharded worker keeps: every example exactly once over the workers. */
class WorkerShareTest {

    @Test
    void stridedShardsCoverEveryExampleOnce() {
        for (int workers = 1; workers <= 4; workers++) {
            for (int n : new int[]{0, 1, 7, 10, 11}) {
                int finalWorkers = workers;
                int[] all = IntStream.range(0, workers).flatMap(w -> Arrays.stream(WorkerShare.strided(n, finalWorkers, w)))
                        .sorted().toArray();
                assertArrayEquals(IntStream.range(0, n).toArray(), all, n + " examples, " + workers + " workers");
            }
        }
    }

    @Test
    void aShardIsEveryNthExampleFromTheWorkersOwn() {
        assertArrayEquals(new int[]{1, 4, 7}, WorkerShare.strided(9, 3, 1));
        assertEquals(0, WorkerShare.strided(2, 3, 2).length, "more workers than examples leaves the last one empty");
    }

    @Test
    void readingOnlyTheOwnedExamplesGivesTheShardThatCuttingTheWholeSetGave() {
        int n = 200;
        byte[] pixels = new byte[n];
        for (int i = 0; i < n; i++) pixels[i] = (byte) i; // each example's one pixel is its index
        ImageSet all = new ImageSet(pixels, new byte[n], n, 1, 1, 1, 2);
        for (double validation : new double[]{0, 0.2}) {
            TrainConfig config = new TrainConfig(8, 1, 7, true, validation, 0, Augmentation.NONE);
            java.util.Set<Integer> seen = new java.util.TreeSet<>();
            for (int worker = 0; worker < 3; worker++) {
                Examples fit = new EpochPlan(config).split(all).fit();
                ImageSet cut = (ImageSet) fit.select(WorkerShare.strided(fit.count(), 3, worker));

                WorkerShare.OwnedExamples owned = new WorkerShare.OwnedExamples(config, 3, worker);
                int[] kept = owned.keep(n);
                ImageSet read = (ImageSet) owned.arrange(all.select(kept)); // what a provider reading in part returns

                int[] ascending = kept.clone();
                Arrays.sort(ascending);
                assertArrayEquals(ascending, kept, "the provider is asked for examples in file order");
                assertArrayEquals(cut.pixels(), read.pixels(), "worker " + worker + ", validation " + validation);
                for (byte p : read.pixels()) seen.add(p & 0xFF);
            }
            assertEquals(n - (int) Math.round(n * validation), seen.size(), "every training example in one shard");
        }
    }
}
