package nn.stdlib.schedule;

import nn.api.runtime.Schedule;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.ScheduleProvider;

/** Cosine annealing from the full rate in the first epoch to `min_factor` of it in the last. */
public final class CosineSchedule {
    private CosineSchedule() {
    }

    public static final class Provider extends BaseProvider implements ScheduleProvider {
        public Provider() {
            super("cosine", "cosine annealing to min_factor of the rate over the run", new Schema(Schedules.withWarmup(
                    Param.optional("min_factor", ParamType.FLOAT, 0.0, "the rate's factor in the last epoch").range(0.0, 1.0))));
        }

        @Override
        public Schedule create(Args args, int epochs) {
            double min = args.getDouble("min_factor");
            int span = Math.max(1, epochs - args.getInt("warmup") - 1);
            return Schedules.warmedUp(args, epoch ->
                    min + (1 - min) * (1 + Math.cos(Math.PI * Math.min(epoch - 1, span) / span)) / 2);
        }
    }
}
