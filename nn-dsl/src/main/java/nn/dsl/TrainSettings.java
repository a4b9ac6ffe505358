package nn.dsl;

import nn.api.schema.Schema;

/**
 * The plain settings of a `train` section (`batch`, `epochs`, `seed`...): their types,
 * ranges, defaults and descriptions, as the compiler checks them, for editors to show.
 * The settings that take a call (`data`, `loss`, `optimizer`, `schedule`) are providers'.
 */
public final class TrainSettings {
    private TrainSettings() {
    }

    public static Schema plain() {
        return TrainSection.SETTINGS;
    }
}
