package nn.datasets;

import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.data.TrainingShare;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.DatasetProvider;

import java.io.IOException;

/** A {@link DatasetProvider} for any data set described by an {@link IdxDatasetSpec}. */
public class IdxDatasetProvider implements DatasetProvider {
    private final IdxDatasetSpec spec;
    private final IdxDatasetLoader loader;

    public IdxDatasetProvider(IdxDatasetSpec spec) {
        this.spec = spec;
        this.loader = new IdxDatasetLoader(spec);
    }

    public IdxDatasetSpec spec() {
        return spec;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String description() {
        return spec.description();
    }

    @Override
    public Schema schema() {
        return DatasetArgs.schema();
    }

    /**
     * @throws nn.api.data.DataException when a file is missing, corrupt or cannot be downloaded
     * @throws IllegalArgumentException when an argument is unusable (e.g. `normalize = [0.5]`)
     */
    @Override
    public Dataset load(Args args, DataLocation location) throws IOException {
        return loader.load(location, DatasetArgs.from(args, spec.name()));
    }

    /** Only `share` of the training split is held (the files are still decoded and verified whole). */
    @Override
    public Dataset load(Args args, DataLocation location, TrainingShare share) throws IOException {
        return loader.load(location, DatasetArgs.from(args, spec.name()), share);
    }
}
