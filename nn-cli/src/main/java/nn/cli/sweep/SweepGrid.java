package nn.cli.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The runs of a sweep: every combination of the values given for each constant
 * (`--set lr=1e-3,3e-3 --set width=128,256`), or K of them drawn at random, each repeated for
 * every seed. The order and the random draw depend only on the arguments, so a sweep started
 * again finds the same runs in the same directories.
 */
public final class SweepGrid {
    /** One constant and the values it takes, as written (`lr` and `1e-3`, `3e-3`). */
    public record Axis(String name, List<String> values) {
        public Axis {
            values = List.copyOf(values);
        }
    }

    /** The draw of `--random K` is fixed, so that a resumed sweep draws the same runs. */
    static final long DRAW_SEED = 19;

    private SweepGrid() {
    }

    /** `NAME=V1,V2,...`: commas inside brackets or quotes belong to a value (`norm=[0.5, 0.5],[0.1, 0.3]`). */
    public static Axis axis(String assignment) {
        int eq = assignment.indexOf('=');
        String name = eq < 0 ? "" : assignment.substring(0, eq).strip();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("--set " + assignment + ": expected NAME=VALUE[,VALUE...] (--set lr=1e-3,3e-3)");
        }
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        String text = assignment.substring(eq + 1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) quoted = !quoted;
            if (!quoted && c == '[') depth++;
            if (!quoted && c == ']') depth--;
            if (c == ',' && depth == 0 && !quoted) {
                values.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        values.add(current.toString().strip());
        if (values.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("--set " + assignment + ": an empty value; separate values by single commas");
        }
        if (new LinkedHashSet<>(values).size() != values.size()) {
            throw new IllegalArgumentException("--set " + assignment + ": a value is given twice");
        }
        return new Axis(name, values);
    }

    /**
     * The runs: each combination of the axes' values (the first axis varying slowest), or `random`
     * of them drawn without replacement when random > 0, then each with every seed (null: the file's).
     */
    public static List<SweepRun> runs(List<Axis> axes, int random, List<Long> seeds) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(Map.of());
        for (Axis axis : axes) {
            if (combinations.get(0).containsKey(axis.name())) {
                throw new IllegalArgumentException("--set " + axis.name() + " is given twice; list its values in one --set");
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : combinations) {
                for (String value : axis.values()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(axis.name(), value);
                    next.add(m);
                }
            }
            combinations = next;
        }
        if (random > 0 && random < combinations.size()) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < combinations.size(); i++) order.add(i);
            Collections.shuffle(order, new Random(DRAW_SEED));
            // Keep the grid's order among the drawn runs: the table reads like the grid.
            List<Integer> kept = new ArrayList<>(order.subList(0, random));
            Collections.sort(kept);
            List<Map<String, String>> drawn = new ArrayList<>();
            for (int i : kept) drawn.add(combinations.get(i));
            combinations = drawn;
        }
        List<SweepRun> runs = new ArrayList<>();
        for (Map<String, String> settings : combinations) {
            for (Long seed : seeds) runs.add(new SweepRun(settings, seed));
        }
        return runs;
    }
}
