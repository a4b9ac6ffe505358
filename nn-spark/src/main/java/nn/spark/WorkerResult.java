package nn.spark;

import java.io.Serializable;

/**
 * What one worker sends back after a synchronisation: per step its example count and mean
 * loss; then either its mean gradient (gradient averaging) or its parameters and optimizer
 * state after the local steps (parameter averaging); its layer state (batch-norm statistics);
 * the checksum of the parameters it started from, where its task time went and the executor it
 * ran on ({@link WorkerPlacement}).
 */
record WorkerResult(int worker, int[] examples, double[] losses, float[] vector, ArrayState optimizerState,
                    ArrayState layerState, long startChecksum, TaskPhases phases, String place) implements Serializable {

    int totalExamples() {
        int n = 0;
        for (int e : examples) n += e;
        return n;
    }
}
