package nn.api.train;

import nn.api.data.Augmentation;
import nn.api.data.Normalization;
import nn.api.schema.Args;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop's contract with its parts: the epoch steps it is given, and early stopping heard first. */
class TrainerLoopTest {

    @Test
    void listenersSeeThisEpochsEarlyStoppingBookkeeping() {
        Trainer trainer = new Trainer(TrainerTest.network(), TrainerTest.REGISTRY.losses().get("cross_entropy").create(Args.EMPTY),
                TrainerTest.sgd(0.5), new TrainConfig(16, 3, 1, true, 0.25, 0, Augmentation.NONE));
        List<String> seen = new ArrayList<>();
        trainer.addListener(new TrainingListener() {
            @Override
            public void onEpochEnd(EpochMetrics m, Trainer t) {
                // What CheckpointEveryEpoch saves for a resumed run.
                if (m.best()) assertEquals(m.validationLoss(), t.bestValidationLoss());
                seen.add(m.epoch() + ":" + t.epochsWithoutImprovement());
            }
        });
        trainer.fit(TrainerTest.brightOrDark(200, 1), TrainerTest.brightOrDark(50, 2), Normalization.NONE);
        assertEquals(3, seen.size());
    }

    @Test
    void givenEpochStepsReplaceTheLocalOnesInTheSameLoop() {
        List<String> steps = new ArrayList<>();
        Trainer trainer = new Trainer(TrainerTest.network(), TrainerTest.REGISTRY.losses().get("cross_entropy").create(Args.EMPTY),
                TrainerTest.sgd(0.5), new TrainConfig(16, 2, 1, true)).epochSteps(new EpochSteps() {
            @Override
            public int steps() {
                return 2;
            }

            @Override
            public double run(int epoch, StepLoss onStep) {
                onStep.accept(1, 0.25);
                onStep.accept(2, 0.75);
                return 1.0;
            }
        });
        trainer.addListener(new TrainingListener() {
            @Override
            public void onStep(int epoch, int step, double loss) {
                steps.add(epoch + "/" + step + "=" + loss);
            }
        });
        List<EpochMetrics> history = trainer.fit(TrainerTest.brightOrDark(100, 1), TrainerTest.brightOrDark(50, 2), Normalization.NONE);
        assertEquals(List.of("1/1=0.25", "1/2=0.75", "2/1=0.25", "2/2=0.75"), steps);
        assertEquals(0.5, history.get(1).trainLoss());
        assertEquals(2, history.get(1).steps());
        assertTrue(history.get(1).testAccuracy() >= 0, "evaluated on the test split");
    }
}
