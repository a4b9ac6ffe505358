package nn.cli.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * A range a constant's value is drawn from by `nn sweep --random K`, written `LOW..HIGH` with
 * optional `:int` (whole numbers, both ends included) and `:log` (log-uniform: each factor of
 * ten as likely as any other, for learning rates and decays): `lr=1e-4..1e-2:log`,
 * `drop=0.1..0.5`, `width=64..512:int`, `width=32..1024:int:log`. Without `:int` the values are
 * floats, written with three significant digits (`0.000347`, `0.234`) so that they read well in
 * tables and directory names.
 */
public record SweepRange(String text, double low, double high, boolean integer, boolean log) {

    private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("-?\\d+");
    private static final MathContext DIGITS = new MathContext(3);

    /** Whether a value as written is a range (it holds `..` outside brackets and quotes). */
    static boolean isRange(String value) {
        return !value.startsWith("[") && !value.startsWith("\"") && value.contains("..");
    }

    /** Reads `LOW..HIGH[:int][:log]`; a wrong one is an IllegalArgumentException naming the assignment. */
    static SweepRange parse(String assignment, String value) {
        String[] parts = value.split(":", -1);
        String[] ends = parts[0].split("\\.\\.", -1);
        boolean integer = false, log = false;
        for (int i = 1; i < parts.length; i++) {
            switch (parts[i].strip()) {
                case "int" -> integer = true;
                case "log" -> log = true;
                default -> throw bad(assignment, "'" + parts[i] + "' is not a kind of range; write :int, :log or both");
            }
        }
        if (ends.length != 2) throw bad(assignment, "expected LOW..HIGH");
        String lowText = ends[0].strip(), highText = ends[1].strip();
        Pattern form = integer ? WHOLE : NUMBER;
        if (!form.matcher(lowText).matches() || !form.matcher(highText).matches()) {
            throw bad(assignment, integer ? "an :int range takes whole numbers (64..512:int)"
                    : "expected numbers LOW..HIGH (0.1..0.5, 1e-4..1e-2:log)");
        }
        double low = Double.parseDouble(lowText), high = Double.parseDouble(highText);
        if (!(low < high)) throw bad(assignment, "LOW must be below HIGH");
        if (log && low <= 0) throw bad(assignment, "a :log range needs LOW above 0");
        return new SweepRange(value, low, high, integer, log);
    }

    private static IllegalArgumentException bad(String assignment, String message) {
        return new IllegalArgumentException("--set " + assignment + ": " + message);
    }

    /** One value drawn from the range, written as the language writes an int or a float. */
    String sample(Random rng) {
        if (integer) {
            long lo = (long) low, hi = (long) high;
            long v = log ? (long) Math.floor(Math.exp(Math.log(lo) + rng.nextDouble() * (Math.log(hi + 1) - Math.log(lo))))
                    : lo + (long) Math.floor(rng.nextDouble() * (hi - lo + 1));
            return Long.toString(Math.max(lo, Math.min(hi, v)));
        }
        double u = rng.nextDouble();
        double v = log ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
        double rounded = new BigDecimal(v).round(DIGITS).doubleValue();
        return floatText(Math.max(low, Math.min(high, rounded)));
    }

    /** The lowest value of the range as a sample would write it (to check its type against the file). */
    public String lowest() {
        return integer ? Long.toString((long) low) : floatText(low);
    }

    /** A float as a `.nn` float literal: always with a point or an exponent, plain from 0.0001 up to 100000. */
    static String floatText(double v) {
        BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        double a = Math.abs(v);
        if (a == 0 || (a >= 1e-4 && a < 1e5)) {
            String plain = d.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        int exponent = d.precision() - d.scale() - 1;
        String mantissa = d.movePointLeft(exponent).stripTrailingZeros().toPlainString();
        if (!mantissa.contains(".")) mantissa += ".0";
        return mantissa + "e" + exponent;
    }

    @Override
    public String toString() {
        return text;
    }
}
