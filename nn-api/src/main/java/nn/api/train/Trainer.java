package nn.api.train;

import nn.api.data.Examples;
import nn.api.data.Task;
import nn.api.data.Normalization;
import nn.api.network.Network;
import nn.api.runtime.Loss;
import nn.api.runtime.Optimizer;
import nn.api.runtime.Schedule;
import nn.api.runtime.StepMemory;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The training loop: per step, fill a batch, forward, loss and its gradient, backward,
 * one optimizer update over the flat parameter vector. Evaluates on the test split after
 * every epoch and reports to listeners.
 */
public final class Trainer {
    /** Evaluation needs no gradients, so it runs in large batches. */
    static final int EVAL_BATCH = 1000;

    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final TrainConfig config;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private final double baseLearningRate;
    private Schedule schedule = epoch -> 1.0;
    private double bestValidationLoss = Double.POSITIVE_INFINITY;
    private int epochsWithoutImprovement;
    private int epochsDone;
    private EpochSteps epochSteps;

    public Trainer(Network network, Loss loss, Optimizer optimizer, TrainConfig config) {
        this.network = network;
        this.loss = loss;
        this.optimizer = optimizer;
        this.config = config;
        this.baseLearningRate = optimizer.learningRate();
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
        this.bestValidationLoss = bestValidationLoss;
        this.epochsWithoutImprovement = epochsWithoutImprovement;
    }

    public double bestValidationLoss() {
        return bestValidationLoss;
    }

    public int epochsWithoutImprovement() {
        return epochsWithoutImprovement;
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

    public int epochsDone() {
        return epochsDone;
    }

    /** Trains for the configured epochs; returns each epoch's metrics. */
    public List<EpochMetrics> fit(Examples train, Examples test, Normalization normalization) {
        return fit(train, test, normalization, 1);
    }

    /**
     * Trains epochs firstEpoch..epochs. Everything random in an epoch is derived from the seed
     * and the epoch's number alone, so a run resumed at epoch k (with the parameters and
     * optimizer state saved after epoch k - 1) continues exactly as the uninterrupted run.
     */
    public List<EpochMetrics> fit(Examples train, Examples test, Normalization normalization, int firstEpoch) {
        checkFits(network, train);
        Examples[] split = splitValidation(train);
        Examples fitSet = split[0];
        BatchFeeder trainFeeder = new BatchFeeder(fitSet, normalization, network.inputShape());
        BatchFeeder validationFeeder = split[1] == null ? null : new BatchFeeder(split[1], normalization, network.inputShape());
        BatchFeeder testFeeder = new BatchFeeder(test, normalization, network.inputShape());
        int n = fitSet.count();
        int steps = epochSteps != null ? epochSteps.steps() : (n + config.batch() - 1) / config.batch();
        TrainingStep trainingStep = new TrainingStep(network, loss, optimizer);
        List<EpochMetrics> history = new ArrayList<>();

        for (int epoch = firstEpoch; epoch <= config.epochs(); epoch++) {
            optimizer.setLearningRate(baseLearningRate * schedule.factor(epoch));
            for (TrainingListener l : listeners) l.onEpochStart(epoch, config.epochs(), steps);
            int[] order = epochOrder(n, config, epoch);
            // Its own stream per epoch, like the shuffle: a resumed run draws the same images.
            Random augmentRng = new Random(epochSeed(config.seed(), epoch) ^ 0x5DEECE66DL);
            long start = System.nanoTime();
            double lossSum = 0;
            if (epochSteps != null) {
                int current = epoch;
                lossSum = epochSteps.run(epoch, (step, stepLoss) -> {
                    for (TrainingListener l : listeners) l.onStep(current, step, stepLoss);
                });
            }
            for (int step = 0; epochSteps == null && step < steps; step++) {
                int from = step * config.batch();
                int size = Math.min(config.batch(), n - from);
                BatchFeeder.Batch batch = trainFeeder.batch(order, from, size, config.augmentation(), augmentRng);
                double stepLoss;
                try (StepMemory scope = StepMemory.open(StepMemory.Purpose.TRAINING)) {
                    stepLoss = trainingStep.loss(trainingStep.forward(batch.input), batch.target);
                    // Checked before the update, so the parameters never take a NaN step.
                    if (!Double.isFinite(stepLoss)) throw new TrainingDiverged(epoch, step + 1, stepLoss);
                    trainingStep.backward();
                    trainingStep.update();
                }
                lossSum += stepLoss;
                for (TrainingListener l : listeners) l.onStep(epoch, step + 1, stepLoss);
            }
            double epochSeconds = (System.nanoTime() - start) / 1e9;
            long evalStart = System.nanoTime();
            Evaluation eval = evaluate(testFeeder);
            Evaluation validation = validationFeeder == null ? null : evaluate(validationFeeder);
            double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
            Boolean best = null;
            if (validation != null) {
                best = validation.loss() < bestValidationLoss;
                if (best) {
                    bestValidationLoss = validation.loss();
                    epochsWithoutImprovement = 0;
                } else {
                    epochsWithoutImprovement++;
                }
            }
            epochsDone = epoch;
            RegressionMetrics r = eval.regression();
            EpochMetrics m = new EpochMetrics(epoch, lossSum / steps, eval.loss(), eval.accuracy(), epochSeconds,
                    evalSeconds, optimizer.learningRate(), steps, validation == null ? null : validation.loss(),
                    validation == null ? null : validation.accuracy(), best,
                    r == null ? null : r.mse(), r == null ? null : r.mae(), r == null ? null : r.r2());
            history.add(m);
            for (TrainingListener l : listeners) l.onEpochEnd(m, this);
            if (config.patience() > 0 && epochsWithoutImprovement >= config.patience()) break;
        }
        return history;
    }

    /** True when early stopping ended the last fit before its last epoch. */
    public boolean stoppedEarly() {
        return config.patience() > 0 && epochsWithoutImprovement >= config.patience() && epochsDone < config.epochs();
    }

    /**
     * Training and validation sets: a fixed, seeded choice of `validation` of the examples is
     * held out (the same in every epoch and in a resumed run). [train, null] without a split.
     */
    Examples[] splitValidation(Examples train) {
        return splitValidation(train, config);
    }

    /** The training and validation sets of a run with this config: [train, null] without a split. */
    public static Examples[] splitValidation(Examples train, TrainConfig config) {
        if (config.validation() == 0) return new Examples[]{train, null};
        int held = (int) Math.round(train.count() * config.validation());
        if (held < 1 || held >= train.count()) {
            throw new IllegalArgumentException("a validation fraction of " + config.validation() + " of "
                    + train.count() + " examples leaves no " + (held < 1 ? "validation" : "training") + " examples");
        }
        int[] order = identity(train.count());
        shuffle(order, new Random(epochSeed(config.seed(), 0)));
        return new Examples[]{train.select(java.util.Arrays.copyOfRange(order, held, order.length)),
                train.select(java.util.Arrays.copyOfRange(order, 0, held))};
    }

    /**
     * The model's input must take an example's values and its output must have one value per
     * target (a class's one-hot row, or a value): checked before training, so a mismatch is one
     * clear line rather than an ND4J error.
     *
     * @throws IllegalArgumentException naming both shapes
     */
    public static void checkFits(Network network, Examples train) {
        new BatchFeeder(train, nn.api.data.Normalization.NONE, network.inputShape());
        long outputs = network.outputShape().size();
        if (outputs != train.targetWidth()) {
            String what = train.task() == Task.CLASSES ? train.classes() + " classes" : train.targetWidth() + " target value"
                    + (train.targetWidth() == 1 ? "" : "s");
            throw new IllegalArgumentException("the model's output " + network.outputName() + " " + network.outputShape()
                    + " has " + outputs + " values per example but the data set has " + what);
        }
    }

    /** Loss and accuracy (classes) or MSE, MAE and R² (values) of the network on a split, in evaluation mode. */
    public Evaluation evaluate(Examples data, Normalization normalization) {
        return evaluate(new BatchFeeder(data, normalization, network.inputShape()));
    }

    private Evaluation evaluate(BatchFeeder feeder) {
        int n = feeder.size();
        int[] order = identity(n);
        int correct = 0;
        double lossSum = 0;
        Examples data = feeder.data();
        boolean classes = data.task() == Task.CLASSES;
        RegressionMetrics.Accumulator values = classes ? null : new RegressionMetrics.Accumulator(data.targetWidth());
        for (int from = 0; from < n; from += EVAL_BATCH) {
            int size = Math.min(EVAL_BATCH, n - from);
            BatchFeeder.Batch batch = feeder.batch(order, from, size);
            try (StepMemory scope = StepMemory.open(StepMemory.Purpose.INFERENCE)) { // read out before it closes
                INDArray output = network.forward(batch.input, false);
                lossSum += loss.value(output, batch.target) * size;
                if (classes) {
                    int[] predicted = output.argMax(1).toIntVector();
                    for (int i = 0; i < size; i++) if (predicted[i] == feeder.label(order[from + i])) correct++;
                } else {
                    float[] predicted = output.reshape((long) size * data.targetWidth()).toFloatVector();
                    for (int i = 0; i < size; i++) {
                        for (int j = 0; j < data.targetWidth(); j++) {
                            values.add(j, loss.prediction(predicted[i * data.targetWidth() + j]), data.target(order[from + i], j));
                        }
                        values.example();
                    }
                }
            }
        }
        if (!classes) {
            RegressionMetrics r = values.result(); // 0/1 targets (a binary classifier) also have an accuracy
            return new Evaluation(r.binaryAccuracy(), lossSum / n, 0, n, r);
        }
        return new Evaluation((double) correct / n, lossSum / n, correct, n);
    }

    /** The confusion matrix of the network on a split, in evaluation mode. */
    public static ConfusionMatrix confusion(Network network, Examples data, Normalization normalization) {
        BatchFeeder feeder = new BatchFeeder(data, normalization, network.inputShape());
        ConfusionMatrix matrix = new ConfusionMatrix(data.classes());
        int n = feeder.size();
        int[] order = identity(n);
        for (int from = 0; from < n; from += EVAL_BATCH) {
            int size = Math.min(EVAL_BATCH, n - from);
            BatchFeeder.Batch batch = feeder.batch(order, from, size);
            int[] predicted;
            try (StepMemory scope = StepMemory.open(StepMemory.Purpose.INFERENCE)) {
                predicted = network.forward(batch.input, false).argMax(1).toIntVector();
            }
            for (int i = 0; i < size; i++) matrix.add(feeder.label(order[from + i]), predicted[i]);
        }
        return matrix;
    }

    /** A seed for one epoch's randomness, well mixed so neighbouring seeds and epochs share nothing. */
    public static long epochSeed(long seed, int epoch) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The order in which an epoch visits the n training examples: shuffled from (seed, epoch)
     * alone, so a resumed run and data-parallel workers see the same order as this process.
     */
    public static int[] epochOrder(int n, TrainConfig config, int epoch) {
        int[] order = identity(n);
        if (config.shuffle()) shuffle(order, new Random(epochSeed(config.seed(), epoch)));
        return order;
    }

    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return order;
    }

    /** Fisher-Yates with the trainer's own seeded generator. */
    static void shuffle(int[] order, Random rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

}
