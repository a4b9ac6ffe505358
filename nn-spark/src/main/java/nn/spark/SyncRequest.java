package nn.spark;

import java.io.Serializable;

/**
 * One synchronisation, broadcast to every worker: train steps [firstStep, firstStep + steps)
 * of an epoch starting from these parameters (and, for parameter averaging, this optimizer
 * state at this learning rate). The checksum lets every worker prove it started from them.
 */
record SyncRequest(int epoch, int firstStep, int steps, double learningRate, float[] params, long paramsChecksum,
                   ArrayState optimizerState) implements Serializable {
}
