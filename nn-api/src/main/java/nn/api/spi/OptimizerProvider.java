package nn.api.spi;

import nn.api.runtime.Optimizer;
import nn.api.schema.Args;

public interface OptimizerProvider extends Provider {
    /** An optimizer for a flat parameter vector; it owns its state buffers, sized at its first step (or by restore). */
    Optimizer create(Args args);

    /**
     * How many values of state the optimizer keeps per parameter with these arguments (Adam 2,
     * SGD with momentum 1, plain SGD 0): for memory estimates made before anything is allocated.
     * A provider that does not say is assumed to keep 2, as the largest standard ones do.
     */
    default int stateSlots(Args args) {
        return 2;
    }
}
