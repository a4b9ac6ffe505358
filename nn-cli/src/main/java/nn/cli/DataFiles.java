package nn.cli;

import nn.api.graph.Call;
import nn.api.graph.TrainSpec;
import nn.api.registry.Registry;
import nn.api.spi.DatasetProvider;

import java.nio.file.Path;

/**
 * File names in `data = csv("data/and.csv", ...)` are relative to the `.nn` file, not to where
 * nn runs; they are made absolute before the run starts, so the checkpoint records where the
 * data really was and `nn eval` finds it from any directory.
 */
final class DataFiles {
    private DataFiles() {
    }

    static TrainSpec resolve(Registry registry, TrainSpec train, Path nnFile) {
        if (train == null || train.data() == null) return train;
        DatasetProvider provider = registry.datasets().get(train.data().name());
        if (provider == null) return train;
        Path base = nnFile.toAbsolutePath().getParent();
        return train.withData(new Call(train.data().name(), provider.resolveFiles(train.data().args(), base)));
    }
}
