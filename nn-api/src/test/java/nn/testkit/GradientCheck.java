package nn.testkit;

import nn.api.runtime.Layer;
import nn.api.runtime.Loss;
import nn.api.runtime.ParamSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Finite-difference gradient checks in double precision, for layer and plugin authors.
 * The scalar checked is L = sum(forward(x) * R) for a fixed random R, so dL/dy = R and every
 * analytical gradient the layer returns can be compared with central differences.
 */
public final class GradientCheck {
    public static final double EPS = 1e-6;
    public static final double TOLERANCE = 1e-6;

    private GradientCheck() {
    }

    /**
     * The largest relative error found and where (the element by its position, e.g.
     * {@code input[1, 0, 2, 3]}), and how many of the checked elements are over the tolerance.
     */
    public record Result(double maxRelativeError, String where, long wrong, long checked) {
        public Result(double maxRelativeError, String where) {
            this(maxRelativeError, where, maxRelativeError < TOLERANCE ? 0 : 1, 1);
        }

        public boolean passed() {
            return maxRelativeError < TOLERANCE;
        }
    }

    /** Random doubles in ±[low, high], away from zero so kinks (relu at 0) are not straddled. */
    public static INDArray awayFromZero(Random rng, double low, double high, long... shape) {
        INDArray a = Nd4j.create(DataType.DOUBLE, shape);
        for (long i = 0; i < a.length(); i++) {
            double v = low + rng.nextDouble() * (high - low);
            a.putScalar(i, rng.nextBoolean() ? v : -v);
        }
        return a;
    }

    /**
     * Gives the layer random double-precision parameters (away from zero) and zeroed gradient
     * buffers, as the network would; returns the parameters and fills {@code grads}.
     */
    public static Map<String, INDArray> bindRandomParameters(Layer layer, Random rng, Map<String, INDArray> grads) {
        Map<String, INDArray> params = new HashMap<>();
        for (ParamSpec spec : layer.parameters()) {
            params.put(spec.name(), awayFromZero(rng, 0.1, 1.0, spec.shape()));
            grads.put(spec.name(), Nd4j.create(DataType.DOUBLE, spec.shape()));
        }
        layer.bind(params, grads);
        return params;
    }

    /** Checks dL/dx and dL/dparam for every element. */
    public static Result checkLayer(Layer layer, INDArray input, long seed) {
        Random rng = new Random(seed);
        Map<String, INDArray> grads = new HashMap<>();
        Map<String, INDArray> params = bindRandomParameters(layer, rng, grads);
        INDArray x = input.dup();
        INDArray y = layer.forward(x, true);
        INDArray r = awayFromZero(rng, 0.5, 1.5, y.shape());

        INDArray gx = layer.backward(r.dup()).dup();
        Map<String, INDArray> analytic = new HashMap<>();
        grads.forEach((k, v) -> analytic.put(k, v.dup()));

        DoubleSupplier loss = () -> layer.forward(x, true).mul(r).sumNumber().doubleValue();
        Result worst = compare("input", x, gx, loss);
        for (Map.Entry<String, INDArray> p : new java.util.TreeMap<>(params).entrySet()) {
            Result res = compare(p.getKey(), p.getValue(), analytic.get(p.getKey()), loss);
            if (res.maxRelativeError() > worst.maxRelativeError()) worst = res;
        }
        return worst;
    }

    /** Checks dL/dinput for every input of a merge (add, concat). */
    public static Result checkMerge(nn.api.runtime.MergeLayer merge, List<INDArray> inputs, long seed) {
        Random rng = new Random(seed);
        List<INDArray> xs = new java.util.ArrayList<>();
        for (INDArray in : inputs) xs.add(in.dup());
        INDArray y = merge.forward(xs, true);
        INDArray r = awayFromZero(rng, 0.5, 1.5, y.shape());
        List<INDArray> analytic = new java.util.ArrayList<>();
        for (INDArray g : merge.backward(r.dup())) analytic.add(g.dup());
        DoubleSupplier loss = () -> merge.forward(xs, true).mul(r).sumNumber().doubleValue();
        Result worst = new Result(0, "none");
        for (int i = 0; i < xs.size(); i++) {
            Result res = compare("input " + i, xs.get(i), analytic.get(i), loss);
            if (res.maxRelativeError() > worst.maxRelativeError()) worst = res;
        }
        return worst;
    }

    /**
     * Checks a whole network's parameter gradients (the flat vector) for L = sum(output * R):
     * this covers the graph executor too (fan-out, merges, accumulation).
     */
    public static Result checkNetwork(nn.api.network.Network network, INDArray input, long seed) {
        Random rng = new Random(seed);
        INDArray y = network.forward(input, true);
        INDArray r = awayFromZero(rng, 0.5, 1.5, y.shape());
        network.backward(r.dup());
        INDArray analytic = network.grads().dup();
        DoubleSupplier loss = () -> network.forward(input, true).mul(r).sumNumber().doubleValue();
        return compare("params", network.params(), analytic, loss);
    }

    /** Checks a loss's gradient with respect to the network output. */
    public static Result checkLoss(Loss lossFunction, INDArray output, INDArray target) {
        INDArray out = output.dup();
        INDArray g = Nd4j.create(DataType.DOUBLE, out.shape());
        lossFunction.forwardBackward(out, target, g);
        DoubleSupplier loss = () -> lossFunction.value(out, target);
        return compare("output", out, g, loss);
    }

    /** Central differences on each element of `variable`, against `analytic`. */
    public static Result compare(String name, INDArray variable, INDArray analytic, DoubleSupplier loss) {
        if (analytic == null || !java.util.Arrays.equals(analytic.shape(), variable.shape())) {
            return new Result(Double.POSITIVE_INFINITY, name + ": the gradient has shape "
                    + (analytic == null ? "none" : java.util.Arrays.toString(analytic.shape())) + ", not "
                    + java.util.Arrays.toString(variable.shape()), variable.length(), variable.length());
        }
        double worst = 0;
        long wrong = 0;
        String where = name;
        for (long i = 0; i < variable.length(); i++) {
            double original = variable.getDouble(i);
            variable.putScalar(i, original + EPS);
            double plus = loss.getAsDouble();
            variable.putScalar(i, original - EPS);
            double minus = loss.getAsDouble();
            variable.putScalar(i, original);
            double numeric = (plus - minus) / (2 * EPS);
            double a = analytic.getDouble(i);
            double scale = Math.max(Math.abs(numeric) + Math.abs(a), 1e-8);
            double error = Math.abs(numeric - a) / scale;
            if (Math.abs(numeric - a) < 1e-9) error = 0; // both effectively zero
            if (Double.isNaN(error)) error = Double.POSITIVE_INFINITY;
            if (error >= TOLERANCE) wrong++;
            if (error > worst) {
                worst = error;
                where = name + position(variable.shape(), i) + ": analytic " + a + ", numeric " + numeric;
            }
        }
        return new Result(worst, where, wrong, variable.length());
    }

    /** A flat (row-major) index as a position, e.g. {@code [1, 0, 2, 3]} for [n, c, h, w]. */
    public static String position(long[] shape, long flat) {
        long[] at = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            long size = Math.max(shape[d], 1);
            at[d] = flat % size;
            flat /= size;
        }
        StringBuilder sb = new StringBuilder("[");
        for (int d = 0; d < at.length; d++) sb.append(d == 0 ? "" : ", ").append(at[d]);
        return sb.append(']').toString();
    }

    public static List<String> describe(Result r) {
        return List.of(String.format("%d of %d elements off; max relative error %.3g at %s", r.wrong(), r.checked(),
                r.maxRelativeError(), r.where()));
    }
}
