package nn.api.spi;

import nn.api.data.Dataset;
import nn.api.data.DataLocation;
import nn.api.schema.Args;

import java.io.IOException;

/** A data set named in the `train` section (`data = mnist(...)`). */
public interface DatasetProvider extends Provider {
    /** Loads (downloading and verifying where needed) the train and test splits. */
    Dataset load(Args args, DataLocation location) throws IOException;
}
