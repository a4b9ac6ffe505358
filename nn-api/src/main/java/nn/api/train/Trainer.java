package nn.api.train;

import nn.api.data.Examples;
import nn.api.data.Normalization;
import nn.api.data.Task;
import nn.api.network.Network;
import nn.api.runtime.Loss;
import nn.api.runtime.Optimizer;
import nn.api.runtime.Schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The training loop: per epoch, set the scheduled learning rate, run the epoch's steps (in this
 * process, or elsewhere through {@link #epochSteps}), evaluate on the test and validation
 * splits and tell the listeners. What is random in an epoch comes from the {@link EpochPlan},
 * evaluation from the {@link Evaluator}, stopping early from {@link EarlyStopping}.
 */
public final class Trainer {
    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final TrainConfig config;
    private final EpochPlan plan;
    private final EarlyStopping earlyStopping;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private final double baseLearningRate;
    private Schedule schedule = epoch -> 1.0;
    private EpochSteps epochSteps;
    private int lastEpochDone;

    public Trainer(Network network, Loss loss, Optimizer optimizer, TrainConfig config) {
        this.network = network;
        this.loss = loss;
        this.optimizer = optimizer;
        this.config = config;
        this.plan = new EpochPlan(config);
        this.baseLearningRate = optimizer.learningRate();
        this.earlyStopping = new EarlyStopping(config.patience());
        listeners.add(earlyStopping); // first, so every other listener sees this epoch's bookkeeping
    }

    /** Runs each epoch's steps with `steps` (e.g. on a cluster) instead of in this process. */
    public Trainer epochSteps(EpochSteps steps) {
        this.epochSteps = steps;
        return this;
    }

    /** Sets the learning-rate schedule: each epoch runs at the optimizer's rate times its factor. */
    public Trainer schedule(Schedule schedule) {
        this.schedule = schedule;
        return this;
    }

    /**
     * Restores the early-stopping bookkeeping of an interrupted run (from its checkpoint), so a
     * resumed run stops exactly where the uninterrupted one would.
     */
    public void restoreEarlyStopping(double bestValidationLoss, int epochsWithoutImprovement) {
        earlyStopping.restore(bestValidationLoss, epochsWithoutImprovement);
    }

    public double bestValidationLoss() {
        return earlyStopping.bestValidationLoss();
    }

    public int epochsWithoutImprovement() {
        return earlyStopping.epochsWithoutImprovement();
    }

    public Trainer addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    public Network network() {
        return network;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** Trains for the configured epochs; returns each epoch's metrics. */
    public List<EpochMetrics> fit(Examples train, Examples test, Normalization normalization) {
        return fit(train, test, normalization, 1);
    }

    /**
     * Trains epochs firstEpoch..epochs. Everything random in an epoch is derived from the seed
     * and the epoch's number alone ({@link EpochPlan}), so a run resumed at epoch k (with the
     * parameters and optimizer state saved after epoch k - 1) continues exactly as the
     * uninterrupted run.
     */
    public List<EpochMetrics> fit(Examples train, Examples test, Normalization normalization, int firstEpoch) {
        checkFits(network, train);
        EpochPlan.Split split = plan.split(train);
        BatchFeeder validationFeeder = split.validation() == null ? null
                : new BatchFeeder(split.validation(), normalization, network.inputShape());
        BatchFeeder testFeeder = new BatchFeeder(test, normalization, network.inputShape());
        EpochSteps stepsOfEpoch = epochSteps != null ? epochSteps : new LocalEpochSteps(
                new TrainingStep(network, loss, optimizer),
                new BatchFeeder(split.fit(), normalization, network.inputShape()), plan, config);
        int steps = stepsOfEpoch.steps();
        Evaluator evaluator = new Evaluator(network, loss);
        List<EpochMetrics> history = new ArrayList<>();

        for (int epoch = firstEpoch; epoch <= config.epochs(); epoch++) {
            optimizer.setLearningRate(baseLearningRate * schedule.factor(epoch));
            for (TrainingListener l : listeners) l.onEpochStart(epoch, config.epochs(), steps);
            int current = epoch;
            long gcStart = GcTime.nanos();
            long start = System.nanoTime();
            double lossSum = stepsOfEpoch.run(epoch, (step, stepLoss) -> {
                for (TrainingListener l : listeners) l.onStep(current, step, stepLoss);
            });
            double epochSeconds = (System.nanoTime() - start) / 1e9;
            StepPhases phases = stepsOfEpoch.lastPhases();
            if (phases != null) phases = phases.within(epochSeconds, (GcTime.nanos() - gcStart) / 1e9);
            long evalStart = System.nanoTime();
            Evaluation eval = evaluator.evaluate(testFeeder);
            Evaluation validation = validationFeeder == null ? null : evaluator.evaluate(validationFeeder);
            double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
            lastEpochDone = epoch;
            RegressionMetrics r = eval.regression();
            EpochMetrics m = new EpochMetrics(epoch, lossSum / steps, eval.loss(), eval.accuracy(), epochSeconds,
                    evalSeconds, optimizer.learningRate(), steps, validation == null ? null : validation.loss(),
                    validation == null ? null : validation.accuracy(), earlyStopping.isBest(validation),
                    r == null ? null : r.mse(), r == null ? null : r.mae(), r == null ? null : r.r2(), phases);
            history.add(m);
            for (TrainingListener l : listeners) l.onEpochEnd(m, this);
            if (earlyStopping.stops()) break;
        }
        return history;
    }

    /** True when early stopping ended the last fit before its last epoch. */
    public boolean stoppedEarly() {
        return earlyStopping.stops() && lastEpochDone < config.epochs();
    }

    /**
     * The model's input must take an example's values and its output must have one value per
     * target (a class's one-hot row, or a value): checked before training, so a mismatch is one
     * clear line rather than an ND4J error.
     *
     * @throws IllegalArgumentException naming both shapes
     */
    public static void checkFits(Network network, Examples train) {
        new BatchFeeder(train, Normalization.NONE, network.inputShape());
        long outputs = network.outputShape().size();
        if (outputs != train.targetWidth()) {
            String what = train.task() == Task.CLASSES ? train.classes() + " classes" : train.targetWidth() + " target value"
                    + (train.targetWidth() == 1 ? "" : "s");
            throw new IllegalArgumentException("the model's output " + network.outputName() + " " + network.outputShape()
                    + " has " + outputs + " values per example but the data set has " + what);
        }
    }
}
