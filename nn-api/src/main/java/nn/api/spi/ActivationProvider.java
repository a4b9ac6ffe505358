package nn.api.spi;

import nn.api.runtime.Activation;
import nn.api.schema.Args;

/** An element-wise (or row-wise, like softmax) activation; usable as a layer in a `.nn` chain. */
public interface ActivationProvider extends Provider {
    Activation create(Args args);
}
