package nn.api.spi;

import nn.api.data.Dataset;
import nn.api.data.TrainingShare;
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
     * Loads only `share` of the training split (the examples a distributed worker keeps, in file
     * order); the test split may be left empty, since such a reader does not evaluate. Providers
     * that can skip examples while reading override this so that the rest never occupies memory;
     * the default reads the whole set and cuts it.
     */
    default Dataset load(Args args, DataLocation location, TrainingShare share) throws IOException {
        return share.cut(load(args, location));
    }

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
