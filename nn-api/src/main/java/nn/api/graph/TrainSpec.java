package nn.api.graph;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The `train` section, as the parser checked it: the calls of providers (data set, loss,
 * optimizer and learning-rate schedule, null = constant) and the plain {@link TrainSettings}.
 *
 * <p>In graph.json it is one flat object, as checkpoints of format 1 and 2 hold it: the calls
 * and every setting under its {@link TrainSetting#jsonName()}, in {@link #KEYS}' order. A
 * setting missing there takes its default.
 */
public record TrainSpec(Call data, LossSpec loss, Call optimizer, Call schedule, TrainSettings settings) {

    private static final List<String> CALLS = List.of("data", "loss", "optimizer", "schedule");

    /**
     * The keys a `train` section may hold, for validation and hints. `schedule` stands after
     * `threads` because it was added then: messages and graph.json have always listed them so.
     */
    public static final List<String> KEYS = keys();

    public TrainSpec {
        if (settings == null) settings = TrainSettings.DEFAULTS;
    }

    /** A train section without schedule, with these settings. */
    public TrainSpec(Call data, LossSpec loss, Call optimizer, TrainSettings settings) {
        this(data, loss, optimizer, null, settings);
    }

    public TrainSpec withData(Call d) {
        return new TrainSpec(d, loss, optimizer, schedule, settings);
    }

    public TrainSpec withSettings(TrainSettings s) {
        return new TrainSpec(data, loss, optimizer, schedule, s);
    }

    /** Has the three calls training needs (a section the compiler accepted always has them). */
    public boolean canTrain() {
        return data != null && loss != null && optimizer != null;
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(CALLS.subList(0, 3));
        for (TrainSetting<?> s : TrainSettings.ALL) {
            if (s == TrainSettings.VALIDATION) keys.add("schedule");
            keys.add(s.key());
        }
        return List.copyOf(keys);
    }

    /** The flat object of graph.json. */
    @JsonValue
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        for (String key : KEYS) {
            switch (key) {
                case "data" -> json.put(key, data);
                case "loss" -> json.put(key, loss);
                case "optimizer" -> json.put(key, optimizer);
                case "schedule" -> json.put(key, schedule);
                default -> {
                    TrainSetting<?> s = TrainSettings.find(key);
                    Object value = s.get(settings);
                    if (TrainSettings.writtenOnlyWhenSet(s) && java.util.Objects.equals(value, s.defaultValue())) continue;
                    json.put(s.jsonName(), value);
                }
            }
        }
        return json;
    }

    /** Reads the flat object of graph.json; each setting is checked against its declaration. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TrainSpec fromJson(Map<String, Object> json) {
        Map<String, TrainSetting<?>> byJsonName = new LinkedHashMap<>();
        for (TrainSetting<?> s : TrainSettings.ALL) byJsonName.put(s.jsonName(), s);
        TrainSettings.Builder settings = TrainSettings.builder();
        for (Map.Entry<String, Object> e : json.entrySet()) {
            if (CALLS.contains(e.getKey())) continue;
            TrainSetting<?> s = byJsonName.get(e.getKey());
            if (s == null) throw new IllegalArgumentException("unknown train setting '" + e.getKey() + "'");
            if (e.getValue() == null) continue; // as missing: the default
            settings.accept(s, e.getValue(), (where, message, hint) -> {
                throw new IllegalArgumentException("train section: " + message);
            });
        }
        return new TrainSpec(call(json.get("data"), Call.class), call(json.get("loss"), LossSpec.class),
                call(json.get("optimizer"), Call.class), call(json.get("schedule"), Call.class), settings.build());
    }

    private static <T> T call(Object json, Class<T> type) {
        return json == null ? null : GraphJson.MAPPER.convertValue(json, type);
    }
}
