package nn.cli;

import nn.api.train.EpochMetrics;
import nn.api.train.Trainer;
import nn.api.train.TrainingListener;

import java.io.PrintWriter;

/** One line per epoch: mean training loss, test accuracy, epoch time. */
final class EpochLinePrinter implements TrainingListener {
    private final PrintWriter out;

    EpochLinePrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onEpochEnd(EpochMetrics m, Trainer trainer) {
        String validation = m.validationLoss() == null ? "" : String.format("  val loss %.4f  val accuracy %6.2f %%%s",
                m.validationLoss(), 100 * m.validationAccuracy(), Boolean.TRUE.equals(m.best()) ? " *" : "");
        out.printf("epoch %2d  lr %.2g  train loss %.4f%s  test loss %.4f  test accuracy %6.2f %%  epoch %.2f s (eval %.2f s)%n",
                m.epoch(), m.learningRate(), m.trainLoss(), validation, m.testLoss(), 100 * m.testAccuracy(),
                m.epochSeconds(), m.evalSeconds());
        out.flush();
    }
}
