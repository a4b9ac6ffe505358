package nn.api.spi;

import nn.api.runtime.Optimizer;
import nn.api.schema.Args;

public interface OptimizerProvider extends Provider {
    /** An optimizer for a flat vector of `parameterCount` values; it owns its state buffers. */
    Optimizer create(Args args, long parameterCount);
}
