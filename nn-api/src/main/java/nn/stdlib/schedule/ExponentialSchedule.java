package nn.stdlib.schedule;

import nn.api.runtime.Schedule;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.ScheduleProvider;

/** The rate times gamma every epoch: gamma^(epoch - 1). */
public final class ExponentialSchedule {
    private ExponentialSchedule() {
    }

    public static final class Provider extends BaseProvider implements ScheduleProvider {
        public Provider() {
            super("exponential", "multiply the rate by gamma every epoch", new Schema(Schedules.withWarmup(
                    Param.optional("gamma", ParamType.FLOAT, 0.9, "factor per epoch").range(0.0, 1.0))));
        }

        @Override
        public Schedule create(Args args, int epochs) {
            double gamma = args.getDouble("gamma");
            return Schedules.warmedUp(args, epoch -> Math.pow(gamma, epoch - 1));
        }
    }
}
