package nn.api.spi;

import nn.api.runtime.Schedule;
import nn.api.schema.Args;

/** A learning-rate schedule named in the `train` section: `schedule = cosine(warmup = 2)`. */
public interface ScheduleProvider extends Provider {
    /** The schedule for a run of `epochs` epochs. */
    Schedule create(Args args, int epochs);
}
