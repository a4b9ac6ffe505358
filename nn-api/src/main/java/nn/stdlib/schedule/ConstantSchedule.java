package nn.stdlib.schedule;

import nn.api.runtime.Schedule;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.ScheduleProvider;

/** The same rate every epoch (after an optional warm-up): the default. */
public final class ConstantSchedule {
    private ConstantSchedule() {
    }

    public static final class Provider extends BaseProvider implements ScheduleProvider {
        public Provider() {
            super("constant", "the same rate every epoch", new Schema(Schedules.withWarmup()));
        }

        @Override
        public Schedule create(Args args, int epochs) {
            return Schedules.warmedUp(args, epoch -> 1.0);
        }
    }
}
