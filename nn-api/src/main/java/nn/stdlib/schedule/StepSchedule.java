package nn.stdlib.schedule;

import nn.api.runtime.Schedule;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.ScheduleProvider;

/** The rate times gamma every `every` epochs: gamma^floor((epoch - 1) / every). */
public final class StepSchedule {
    private StepSchedule() {
    }

    public static final class Provider extends BaseProvider implements ScheduleProvider {
        public Provider() {
            super("step", "multiply the rate by gamma every few epochs", new Schema(Schedules.withWarmup(
                    Param.optional("every", ParamType.INT, 3, "epochs between drops").range(1.0, null),
                    Param.optional("gamma", ParamType.FLOAT, 0.1, "factor at each drop").range(0.0, 1.0))));
        }

        @Override
        public Schedule create(Args args, int epochs) {
            int every = args.getInt("every");
            double gamma = args.getDouble("gamma");
            return Schedules.warmedUp(args, epoch -> Math.pow(gamma, (epoch - 1) / every));
        }
    }
}
