package nn.cli;

import nn.api.graph.TrainSetting;
import nn.api.graph.TrainSettings;
import nn.api.schema.Param;

/**
 * Command-line options that override a train setting (`--epochs N`, `--batch N`, `--seed N`):
 * the value goes through the setting's own declaration in {@link TrainSettings}, and a value it
 * refuses is told in the option's words ("--epochs must be at least 1, not 0").
 */
final class SettingOptions {
    private SettingOptions() {
    }

    /** Sets the option's value, if given, into the settings. */
    static <T> void apply(TrainSettings.Builder settings, String option, TrainSetting<T> setting, T value) {
        if (value == null) return;
        settings.accept(setting, value, (where, message, hint) -> {
            throw new UserError(option + " " + refusal(setting.param(), value, message));
        });
    }

    private static String refusal(Param p, Object value, String message) {
        if (value instanceof Number n && p.min() != null && n.doubleValue() < p.min()) {
            return "must be at least " + number(p.min()) + ", not " + value;
        }
        if (value instanceof Number n && p.max() != null && n.doubleValue() > p.max()) {
            return "must be at most " + number(p.max()) + ", not " + value;
        }
        return "is refused: " + message;
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
