package nn.api.spi;

import nn.api.data.Dataset;
import nn.api.data.DataLocation;
import nn.api.schema.Args;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A data set named in the `train` section (`data = mnist(...)`, `data = csv("train.csv", target = "y")`). */
public interface DatasetProvider extends Provider {
    /** Loads (downloading and verifying where needed) the train and test splits. */
    Dataset load(Args args, DataLocation location) throws IOException;

    /**
     * The arguments with the file names they hold resolved against `base`, the directory of the
     * `.nn` file that names them: `csv("data/and.csv")` means the file beside the model, wherever
     * nn runs, and the checkpoint records where it really was. Data sets without files return
     * `args` as they are.
     */
    default Map<String, Object> resolveFiles(Map<String, Object> args, Path base) {
        return args;
    }
}
