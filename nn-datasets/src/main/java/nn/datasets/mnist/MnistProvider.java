package nn.datasets.mnist;

import nn.datasets.IdxDatasetProvider;
import nn.datasets.IdxDatasetSpec;

/** `data = mnist(...)`. Registered through META-INF/services. */
public final class MnistProvider extends IdxDatasetProvider {
    public MnistProvider() {
        super(Mnist.SPEC);
    }

    /** For tests: the same provider with other files, checksums or mirrors. */
    public MnistProvider(IdxDatasetSpec spec) {
        super(spec);
    }
}
