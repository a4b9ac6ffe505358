package nn.spark;

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
}
