package nn.cli.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a sweep: the constants it replaces (name to value, as written) and its seed
 * (null: the file's). Its directory name is made from both, so a sweep started again finds it.
 */
public record SweepRun(Map<String, String> settings, Long seed) {
    public SweepRun {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** `lr=1e-3_width=128_seed=1`; characters a file name should not hold become `-`. */
    public String directoryName() {
        List<String> parts = new ArrayList<>();
        settings.forEach((k, v) -> parts.add(k + "=" + v));
        if (seed != null) parts.add("seed=" + seed);
        String name = parts.isEmpty() ? "run" : String.join("_", parts);
        return name.replaceAll("[^A-Za-z0-9._=+-]", "-");
    }

    /** The `--set NAME=VALUE` words of the run's train command. */
    public List<String> setArguments() {
        List<String> args = new ArrayList<>();
        settings.forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        return args;
    }
}
