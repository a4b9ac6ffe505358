package nn.stdlib.schedule;

import nn.api.runtime.Schedule;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;

import java.util.ArrayList;
import java.util.List;

/** What the standard schedules share: an optional linear warm-up over the first epochs. */
final class Schedules {
    private Schedules() {
    }

    static List<Param> withWarmup(Param... own) {
        List<Param> params = new ArrayList<>(List.of(own));
        params.add(Param.optional("warmup", ParamType.INT, 0,
                "epochs of linear warm-up: epoch e <= warmup runs at e / (warmup + 1) of the rate").range(0.0, null));
        return params;
    }

    /** The schedule with the warm-up of `args` in front: the factor ramps up linearly, then the schedule takes over. */
    static Schedule warmedUp(Args args, Schedule after) {
        int warmup = args.getInt("warmup");
        if (warmup == 0) return after;
        return epoch -> epoch <= warmup ? (double) epoch / (warmup + 1) : after.factor(epoch - warmup);
    }
}
