package nn.api.graph;

import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain settings of a train section, each declared once below with its key, type,
 * default, range and description. The parser of `.nn` files, the command-line overrides
 * (`--epochs`, `--batch`, `--seed`), graph.json and the editors' hints all go through these
 * declarations, a {@link Builder} and one validator ({@link #problems()}). Adding a setting:
 * a component, its declaration in {@link #ALL}, its line in {@link Builder#build()}, and the
 * code that uses it. The settings that are calls (data, loss, optimizer, schedule) are
 * providers' and live in {@link TrainSpec}.
 */
public record TrainSettings(int batch, int epochs, long seed, boolean shuffle, String backend, int threads,
                            double validation, int patience, int augmentShift, double augmentRotate,
                            boolean augmentFlip, double augmentZoom) {

    public static final TrainSetting<Integer> BATCH = TrainSetting.of(
            Param.optional("batch", ParamType.INT, 32, "examples per step").range(1.0, null),
            Integer.class, TrainSettings::batch);
    public static final TrainSetting<Integer> EPOCHS = TrainSetting.of(
            Param.optional("epochs", ParamType.INT, 1, "passes over the training data").range(1.0, null),
            Integer.class, TrainSettings::epochs);
    public static final TrainSetting<Long> SEED = TrainSetting.of(
            Param.optional("seed", ParamType.INT, 0, "seed of every random generator"),
            Long.class, TrainSettings::seed);
    public static final TrainSetting<Boolean> SHUFFLE = TrainSetting.of(
            Param.optional("shuffle", ParamType.BOOL, true, "shuffle the training data every epoch"),
            Boolean.class, TrainSettings::shuffle);
    public static final TrainSetting<String> BACKEND = TrainSetting.of(
            Param.optional("backend", ParamType.STRING, "auto", "where to compute").oneOf("cpu", "cuda", "auto"),
            String.class, TrainSettings::backend);
    public static final TrainSetting<Integer> THREADS = TrainSetting.of(
            Param.optional("threads", ParamType.INT, 0, "compute threads; 0 lets the backend decide").range(0.0, null),
            Integer.class, TrainSettings::threads);
    public static final TrainSetting<Double> VALIDATION = TrainSetting.of(
            Param.optional("validation", ParamType.FLOAT, 0.0,
                    "fraction of the training data held out to validate on after every epoch").range(0.0, 0.9),
            Double.class, TrainSettings::validation);
    public static final TrainSetting<Integer> PATIENCE = TrainSetting.of(
            Param.optional("patience", ParamType.INT, 0,
                    "stop after this many epochs without a better validation loss; 0 = never").range(0.0, null),
            Integer.class, TrainSettings::patience);
    public static final TrainSetting<Integer> AUGMENT_SHIFT = TrainSetting.of(
            Param.optional("augment_shift", ParamType.INT, 0,
                    "shift training images randomly by up to this many pixels").range(0.0, 32.0),
            Integer.class, TrainSettings::augmentShift);
    public static final TrainSetting<Double> AUGMENT_ROTATE = TrainSetting.of(
            Param.optional("augment_rotate", ParamType.FLOAT, 0.0,
                    "rotate training images randomly by up to this many degrees").range(0.0, 180.0),
            Double.class, TrainSettings::augmentRotate);
    public static final TrainSetting<Boolean> AUGMENT_FLIP = TrainSetting.of(
            Param.optional("augment_flip", ParamType.BOOL, false,
                    "mirror half the training images left to right, at random (clothes, not digits)"),
            Boolean.class, TrainSettings::augmentFlip);
    public static final TrainSetting<Double> AUGMENT_ZOOM = TrainSetting.of(
            Param.optional("augment_zoom", ParamType.FLOAT, 0.0,
                    "zoom training images in or out at random by up to this fraction (0.1: scales 0.9 to 1.1)")
                    .range(0.0, 0.5),
            Double.class, TrainSettings::augmentZoom);

    /** Every setting, in the order of the record (and of messages and graph.json). */
    public static final List<TrainSetting<?>> ALL = List.of(BATCH, EPOCHS, SEED, SHUFFLE, BACKEND, THREADS,
            VALIDATION, PATIENCE, AUGMENT_SHIFT, AUGMENT_ROTATE, AUGMENT_FLIP, AUGMENT_ZOOM);

    /**
     * Whether graph.json holds this setting only when it differs from its default: the settings
     * after augment_rotate came later than readers that refuse unknown keys, so a checkpoint that
     * does not use them stays readable by earlier versions of nn.
     */
    public static boolean writtenOnlyWhenSet(TrainSetting<?> setting) {
        return ALL.indexOf(setting) > ALL.indexOf(AUGMENT_ROTATE);
    }

    /** The settings as a schema: types, ranges, defaults and descriptions, for editors and listings. */
    public static final Schema SCHEMA = schema();

    /** Every setting at its default. */
    public static final TrainSettings DEFAULTS = builder().build();

    /** One problem the validator found: the setting it is about, the message and a hint (or null). */
    public record Problem(String key, String message, String hint) {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (TrainSetting<?> s : ALL) b.values.put(s, s.get(this));
        return b;
    }

    /** The setting of this key, or null. */
    public static TrainSetting<?> find(String key) {
        for (TrainSetting<?> s : ALL) if (s.key().equals(key)) return s;
        return null;
    }

    /**
     * The one validator: each value against its declaration, then the rules between settings.
     * Empty when these settings can run.
     */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        for (TrainSetting<?> s : ALL) {
            s.accept(s.get(this), (where, message, hint) -> problems.add(new Problem(s.key(), message, hint)));
        }
        String early = earlyStoppingProblem(patience, validation);
        if (early != null) problems.add(new Problem(PATIENCE.key(), early, "add e.g. validation = 0.1"));
        return problems;
    }

    /** The rule between patience and validation, also the trainer's own guard ({@code TrainConfig}). */
    public static String earlyStoppingProblem(int patience, double validation) {
        return patience > 0 && validation == 0 ? "early stopping needs a validation split" : null;
    }

    private static Schema schema() {
        List<Param> params = new ArrayList<>();
        for (TrainSetting<?> s : ALL) params.add(s.param());
        return new Schema(params);
    }

    /** Sets settings one by one, each checked against its declaration, then builds them. */
    public static final class Builder {
        private final Map<TrainSetting<?>, Object> values = new LinkedHashMap<>();

        private Builder() {
            for (TrainSetting<?> s : ALL) values.put(s, s.defaultValue());
        }

        /** Sets a value given in code; {@link TrainSettings#problems()} checks it. */
        public <T> Builder set(TrainSetting<T> setting, T value) {
            values.put(setting, value);
            return this;
        }

        /**
         * Sets a value read from a file (a number, a boolean, a word), checking its type and range:
         * false, the setting unchanged, after telling the sink what is wrong.
         */
        public boolean accept(TrainSetting<?> setting, Object raw, Schema.ProblemSink sink) {
            Object value = setting.accept(raw, sink);
            if (value == null) return false;
            values.put(setting, value);
            return true;
        }

        public <T> T get(TrainSetting<T> setting) {
            @SuppressWarnings("unchecked") T value = (T) values.get(setting);
            return value;
        }

        public TrainSettings build() {
            return new TrainSettings(get(BATCH), get(EPOCHS), get(SEED), get(SHUFFLE), get(BACKEND), get(THREADS),
                    get(VALIDATION), get(PATIENCE), get(AUGMENT_SHIFT), get(AUGMENT_ROTATE),
                    get(AUGMENT_FLIP), get(AUGMENT_ZOOM));
        }
    }
}
