package nn.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import nn.api.train.EpochMetrics;
import nn.api.train.Trainer;
import nn.api.train.TrainingListener;

/** A progress bar per epoch (me.tongfei.progressbar) with the running mean loss. */
final class ProgressBarListener implements TrainingListener {
    private ProgressBar bar;
    private double lossSum;

    @Override
    public void onEpochStart(int epoch, int epochs, int steps) {
        lossSum = 0;
        bar = new ProgressBarBuilder()
                .setTaskName(String.format("epoch %d/%d", epoch, epochs))
                .setInitialMax(steps)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUpdateIntervalMillis(200)
                .setUnit(" steps", 1)
                .clearDisplayOnFinish()
                .build();
    }

    @Override
    public void onStep(int epoch, int step, double loss) {
        lossSum += loss;
        bar.stepTo(step);
        if (step % 50 == 0) bar.setExtraMessage(String.format("loss %.4f", lossSum / step));
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, Trainer trainer) {
        if (bar != null) bar.close();
    }
}
