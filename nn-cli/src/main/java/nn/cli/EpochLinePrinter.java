package nn.cli;

import nn.api.train.EpochMetrics;
import nn.api.train.Trainer;
import nn.api.train.TrainingListener;

import java.io.PrintWriter;

/** One line per epoch: mean training loss, test accuracy (or MSE, MAE and R² for values), epoch time. */
final class EpochLinePrinter implements TrainingListener {
    private final PrintWriter out;

    EpochLinePrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onEpochEnd(EpochMetrics m, Trainer trainer) {
        String validation = m.validationLoss() == null ? "" : String.format("  val loss %.4f%s%s", m.validationLoss(),
                m.validationAccuracy() == null ? "" : String.format("  val accuracy %6.2f %%", 100 * m.validationAccuracy()),
                Boolean.TRUE.equals(m.best()) ? " *" : "");
        String test = m.testR2() != null ? String.format("test mse %.4g  mae %.4g  R² %.4f", m.testMse(), m.testMae(), m.testR2())
                : "";
        if (m.testAccuracy() != null) test += (test.isEmpty() ? "" : "  ") + String.format("test accuracy %6.2f %%", 100 * m.testAccuracy());
        out.printf("epoch %2d  lr %.2g  train loss %.4f%s  test loss %.4f  %s  epoch %.2f s (eval %.2f s)%n",
                m.epoch(), m.learningRate(), m.trainLoss(), validation, m.testLoss(), test,
                m.epochSeconds(), m.evalSeconds());
        out.flush();
    }
}
