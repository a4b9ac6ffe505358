package nn.api.train;

import nn.api.data.Augmentation;
import nn.api.graph.TrainSettings;

/**
 * What the {@link Trainer} needs of the train settings (a view of {@link TrainSettings}, made by
 * {@link TrainAssembly#config()}; its checks guard library users who build one by hand). How to train: batch size, epochs, the seed of every random choice, whether to shuffle, the
 * fraction of the training set held out for validation (0 = none) and how many epochs without
 * a better validation loss end training early (0 = never), and the augmentation of training images.
 */
public record TrainConfig(int batch, int epochs, long seed, boolean shuffle, double validation, int patience,
                          Augmentation augmentation) {
    public TrainConfig {
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, not " + batch);
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, not " + epochs);
        if (!(validation >= 0 && validation < 1)) {
            throw new IllegalArgumentException("validation must be in [0, 1), not " + validation);
        }
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, not " + patience);
        String early = TrainSettings.earlyStoppingProblem(patience, validation);
        if (early != null) throw new IllegalArgumentException(early);
    }

    public TrainConfig(int batch, int epochs, long seed, boolean shuffle) {
        this(batch, epochs, seed, shuffle, 0, 0, Augmentation.NONE);
    }
}
