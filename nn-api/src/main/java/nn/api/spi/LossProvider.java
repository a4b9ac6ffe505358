package nn.api.spi;

import nn.api.data.Examples;
import nn.api.runtime.Loss;
import nn.api.schema.Args;

public interface LossProvider extends Provider {
    Loss create(Args args);

    /**
     * Why this loss cannot learn the training set's targets (e.g. cross-entropy on numbers), or
     * null when it can. Asked once before training.
     */
    default String unfitTarget(Examples train) {
        return null;
    }
}
