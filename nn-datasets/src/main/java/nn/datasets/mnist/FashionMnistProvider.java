package nn.datasets.mnist;

import nn.datasets.IdxDatasetProvider;
import nn.datasets.IdxDatasetSpec;

/** `data = fashion_mnist(...)`. Registered through META-INF/services. */
public final class FashionMnistProvider extends IdxDatasetProvider {
    public FashionMnistProvider() {
        super(FashionMnist.SPEC);
    }

    /** For tests: the same provider with other files, checksums, mirrors or system directories. */
    public FashionMnistProvider(IdxDatasetSpec spec) {
        super(spec);
    }
}
