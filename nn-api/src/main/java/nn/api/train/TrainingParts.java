package nn.api.train;

import nn.api.network.Network;
import nn.api.runtime.Loss;
import nn.api.runtime.Optimizer;
import nn.api.runtime.Schedule;

/** The parts a train section becomes ({@link TrainAssembly}): what a {@link Trainer} runs. */
public record TrainingParts(Network network, Loss loss, Optimizer optimizer, Schedule schedule, TrainConfig config) {

    /** A trainer of these parts, with their schedule. */
    public Trainer trainer() {
        return new Trainer(network, loss, optimizer, config).schedule(schedule);
    }
}
