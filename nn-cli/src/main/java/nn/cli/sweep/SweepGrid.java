package nn.cli.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The runs of a sweep: every combination of the values given for each constant
 * (`--set lr=1e-3,3e-3 --set width=128,256`), or K of them drawn at random, each repeated for
 * every seed. With `--random K` a constant may also take a range (`--set lr=1e-4..1e-2:log`,
 * {@link SweepRange}): each of the K runs then draws its own value. The order and the random
 * draw depend only on the arguments, so a sweep started again finds the same runs in the same
 * directories.
 */
public final class SweepGrid {
    /**
     * One constant and the values it takes, as written (`lr` and `1e-3`, `3e-3`), or the range
     * its values are drawn from (then `values` is empty).
     */
    public record Axis(String name, List<String> values, SweepRange range) {
        public Axis {
            values = List.copyOf(values);
        }

        public Axis(String name, List<String> values) {
            this(name, values, null);
        }

        /** The value drawn for one run: from the range, or one of the listed values. */
        String draw(Random rng) {
            return range != null ? range.sample(rng) : values.get(rng.nextInt(values.size()));
        }
    }

    /** Draws that may repeat a run (small int ranges, short lists) are redrawn up to this many times per run. */
    private static final int DRAWS_PER_RUN = 100;

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
        String text = assignment.substring(eq + 1);
        if (SweepRange.isRange(text.strip())) return new Axis(name, List.of(), SweepRange.parse(assignment, text.strip()));
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
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
     * of them drawn without replacement when random > 0, or when an axis is a range `random`
     * settings drawn from the axes; then each with every seed (null: the file's). A range without
     * `random` is refused: a grid cannot hold one.
     */
    public static List<SweepRun> runs(List<Axis> axes, int random, List<Long> seeds) {
        Set<String> names = new HashSet<>();
        for (Axis axis : axes) {
            if (!names.add(axis.name())) {
                throw new IllegalArgumentException("--set " + axis.name() + " is given twice; list its values in one --set");
            }
            if (axis.range() != null && random <= 0) {
                throw new IllegalArgumentException("--set " + axis.name() + "=" + axis.range() + ": a range is sampled,"
                        + " it needs --random K; a grid takes listed values (--set " + axis.name() + "=V1,V2)");
            }
        }
        List<Map<String, String>> combinations = axes.stream().anyMatch(a -> a.range() != null)
                ? sampled(axes, random) : grid(axes, random);
        List<SweepRun> runs = new ArrayList<>();
        for (Map<String, String> settings : combinations) {
            for (Long seed : seeds) runs.add(new SweepRun(settings, seed));
        }
        return runs;
    }

    /**
     * K settings, each constant's value drawn independently (a range's from the range, a list's
     * among its values), in the order drawn; a setting drawn twice is drawn again, so fewer than
     * K come back only when the ranges hold fewer distinct settings.
     */
    private static List<Map<String, String>> sampled(List<Axis> axes, int random) {
        Random rng = new Random(DRAW_SEED);
        Set<Map<String, String>> drawn = new LinkedHashSet<>();
        for (long tries = 0; drawn.size() < random && tries < (long) DRAWS_PER_RUN * random; tries++) {
            Map<String, String> m = new LinkedHashMap<>();
            for (Axis axis : axes) m.put(axis.name(), axis.draw(rng));
            drawn.add(m);
        }
        return new ArrayList<>(drawn);
    }

    /** Every combination of the listed values, or `random` of them drawn without replacement. */
    private static List<Map<String, String>> grid(List<Axis> axes, int random) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(Map.of());
        for (Axis axis : axes) {
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
        return combinations;
    }
}
