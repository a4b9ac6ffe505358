package nn.api.spi;

import nn.api.runtime.Loss;
import nn.api.schema.Args;

public interface LossProvider extends Provider {
    Loss create(Args args);
}
