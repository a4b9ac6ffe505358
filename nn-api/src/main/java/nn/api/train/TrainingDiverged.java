package nn.api.train;

/** The loss stopped being a finite number: training stops before the bad step touches anything saved. */
public class TrainingDiverged extends RuntimeException {
    private final int epoch;
    private final int step;

    public TrainingDiverged(int epoch, int step, double loss) {
        super("the training loss became " + loss + " at epoch " + epoch + ", step " + step
                + (epoch > 1 ? "; the checkpoint of epoch " + (epoch - 1) + " is intact" : "")
                + " (try a lower learning rate, or gradient clipping with clip_norm)");
        this.epoch = epoch;
        this.step = step;
    }

    public int epoch() {
        return epoch;
    }

    public int step() {
        return step;
    }
}
