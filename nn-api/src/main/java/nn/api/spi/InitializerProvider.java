package nn.api.spi;

import nn.api.runtime.Initializer;
import nn.api.schema.Args;

public interface InitializerProvider extends Provider {
    Initializer create(Args args);
}
