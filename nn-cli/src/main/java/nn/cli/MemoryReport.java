package nn.cli;

import nn.api.train.MemoryEstimate;

/** The memory lines of `nn check` and `nn summary`: what training the model will take. */
final class MemoryReport {
    private MemoryReport() {
    }

    static String describe(MemoryEstimate m) {
        StringBuilder s = new StringBuilder("memory to train (float32, estimated):\n");
        s.append(String.format("  parameters   %s, and as much again for their gradients (%,d values)%n",
                bytes(m.parameterBytes()), m.parameters()));
        if (m.optimizer() != null) {
            s.append(String.format("  optimizer    %s (%s: %d value%s per parameter, and copies of parameters and gradients)%n",
                    bytes(m.optimizerBytes()), m.optimizer(), m.optimizerSlots(), m.optimizerSlots() == 1 ? "" : "s"));
        }
        s.append("  activations  ").append(bytes(m.activationBytesPerExample())).append(" per example");
        if (m.batch() > 0) s.append(", ").append(bytes(m.activationBytesPerBatch())).append(" per batch of ").append(m.batch());
        s.append(", ").append(bytes(m.activationBytesPerEvaluationBatch())).append(" per evaluation batch of ")
                .append(m.evaluationBatch()).append('\n');
        if (m.optimizer() != null) s.append("  total        about ").append(bytes(m.totalBytes())).append('\n');
        return s.toString();
    }

    private static String bytes(long n) {
        return MemoryEstimate.format(n);
    }
}
