package nn.cli;

import nn.api.checkpoint.Checkpoint;
import nn.api.data.Dataset;
import nn.api.graph.TrainSpec;
import nn.api.network.Network;
import nn.api.registry.Registry;

import java.nio.file.Path;

/**
 * A trained network back from its checkpoint together with the data set it was trained on,
 * on the backend it names: what `nn eval` and `nn predict --grid` start from.
 */
record RestoredRun(Checkpoint checkpoint, Network network, Dataset dataset) {

    /** `purpose` completes the error for a checkpoint without a data set, e.g. "to evaluate on". */
    static RestoredRun load(Path file, Registry registry, DataOptions data, BackendOptions backend, String purpose) {
        Checkpoint checkpoint = Checkpoints.read(file);
        TrainSpec train = checkpoint.graph().train();
        if (train == null || train.data() == null) {
            throw new UserError(file + ": the checkpoint's model names no data set " + purpose);
        }
        backend.activate(registry, train.settings().backend(), train.settings().threads());
        Network network = Checkpoints.network(file, checkpoint, registry); // a missing plugin is told before data loads
        // A table's features are standardised as in training: with the checkpoint's means and stds.
        Dataset dataset = data.load(registry, train.data(), null)
                .withStandardization(checkpoint.metadata().signature().standardization());
        return new RestoredRun(checkpoint, network, dataset);
    }
}
