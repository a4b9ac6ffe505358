package nn.api.internal.kernels;

import nn.api.backend.ActiveBackend;
import nn.api.spi.Backend;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;
import java.util.Set;

/**
 * Small element-wise kernels run in Java directly on ND4J's memory, where that memory is the
 * host's (a backend reporting {@link Backend.Capability#HOST_MEMORY_KERNELS}) and the arrays are contiguous float32. Each native ND4J op costs
 * 17-60 µs however small its array (measured here: a bias add on [64, 128] 55 µs, a relu
 * 19 µs), while these loops take 2-6 µs. Callers fall back to the ND4J op whenever
 * {@link #applies} says no, so other backends and float64 (gradient checks) run ND4J's ops.
 */
public final class HostKernels {
    private static volatile Boolean hostMemory;

    private HostKernels() {
    }

    /** True when every array is float32, contiguous in C order, and lives in host memory. */
    public static boolean applies(INDArray... arrays) {
        if (!hostMemory()) return false;
        for (INDArray a : arrays) if (!contiguousFloats(a)) return false;
        return true;
    }

    /** Float32 and contiguous in C order: its values are one run, read through {@link #values}. */
    public static boolean contiguousFloats(INDArray a) {
        return a.dataType() == DataType.FLOAT && a.ordering() == 'c' && a.elementWiseStride() == 1;
    }

    /**
     * True when an element-wise kernel here beats ND4J's op on an array this size: up to 64K
     * elements (256 kB, within the L2 cache). Larger arrays, such as a CNN's activations, go
     * faster through ND4J's vectorised ops, which touch the memory once where these kernels
     * copy it in and out (reluBackward was 16 % of a CNN step through the Java kernel).
     */
    public static boolean small(INDArray a) {
        return a.length() <= SMALL;
    }

    private static final long SMALL = 1 << 16;

    /**
     * True when a forward kernel here (relu, a bias add) beats ND4J's op on an array this size:
     * up to 256K elements. These read one array and write one, and ND4J's ops were slower than
     * them well beyond {@link #small}: on an MLP's [1000, 128] inference batch the bias add took
     * 0.95 ms through ND4J against 0.44 ms here (before its loop was chunked), relu 0.47 against
     * 0.30 ms. A CNN's activations are larger still and stay with ND4J.
     */
    public static boolean smallForward(INDArray a) {
        return a.length() <= SMALL_FORWARD;
    }

    private static final long SMALL_FORWARD = 1 << 18;

    private static boolean hostMemory() {
        // The started backend says where its memory is; without one (ND4J used directly) ND4J's environment does.
        Set<Backend.Capability> started = ActiveBackend.capabilities();
        if (started != null) return started.contains(Backend.Capability.HOST_MEMORY_KERNELS) && !OFF;
        Boolean h = hostMemory;
        if (h == null) {
            h = Nd4j.getEnvironment().isCPU() && !OFF;
            hostMemory = h;
        }
        return h;
    }

    /** -Dnn.kernels.nd4j=true runs ND4J's ops everywhere, for comparing the two paths. */
    private static final boolean OFF = Boolean.getBoolean("nn.kernels.nd4j");

    /**
     * out[r, c] += row[c] for every row r, a chunk of whole rows at a time: the row is repeated
     * over a chunk-long array once, so the loop reads both arrays at one index, which the JIT
     * vectorises (a loop over each row's columns was not: 200 against 90 µs on [1000, 128]).
     */
    public static void addRowVector(INDArray out, INDArray row) {
        addRowVector(out, row, false);
    }

    /** out[r, c] += row[c], then max(0, out[r, c]) when {@code relu}: both in one pass. */
    public static void addRowVector(INDArray out, INDArray row, boolean relu) {
        Scratch s = SCRATCH.get();
        int cols = (int) row.length();
        int n = (int) out.length();
        int chunk = Math.min(n, chunkOf(cols));
        float[] o = s.a(chunk), repeated = s.b(chunk);
        copyIn(row, o);
        BatchNormKernels.spread(o, cols, 1, repeated, chunk);
        FloatBuffer values = values(out);
        for (int from = 0; from < n; from += chunk) {
            int m = Math.min(chunk, n - from);
            values.get(from, o, 0, m);
            if (relu) for (int k = 0; k < m; k++) o[k] = Math.max(o[k] + repeated[k], 0f);
            else for (int k = 0; k < m; k++) o[k] += repeated[k];
            values.put(from, o, 0, m);
        }
    }

    /** Values a chunked loop copies in at once, at least: its arrays stay within a core's L2 cache. */
    private static final int CHUNK = 1 << 13;

    /** The length of a chunk of whole groups (rows, examples) of {@code group} values, about {@link #CHUNK}. */
    public static int chunkOf(int group) {
        return Math.max(1, CHUNK / group) * group;
    }

    /** out[c] = sum over rows r of in[r, c]. */
    public static void columnSums(INDArray in, INDArray out) {
        Scratch s = SCRATCH.get();
        int cols = (int) out.length();
        int n = (int) in.length();
        float[] i = s.a(n), o = s.b(cols);
        floats(in).get(base(in), i, 0, n);
        java.util.Arrays.fill(o, 0, cols, 0f);
        for (int at = 0; at < n; at += cols) {
            for (int c = 0; c < cols; c++) o[c] += i[at + c];
        }
        floats(out).put(base(out), o, 0, cols);
    }

    /**
     * y = max(0, x). Like every kernel here it works on Java arrays: one bulk copy in and one
     * out, and a loop the JIT vectorises, where indexed FloatBuffer access cost about 8 ns an
     * element (relu and its gradient were 13 % of an MLP step that way).
     */
    public static void relu(INDArray x, INDArray y) {
        Scratch s = SCRATCH.get();
        int n = (int) x.length();
        float[] v = s.a(Math.min(n, CHUNK));
        FloatBuffer in = values(x), out = values(y);
        for (int from = 0; from < n; from += CHUNK) { // chunks stay in the cache between copy, loop and copy
            int m = Math.min(CHUNK, n - from);
            in.get(from, v, 0, m);
            for (int k = 0; k < m; k++) v[k] = Math.max(v[k], 0f);
            out.put(from, v, 0, m);
        }
    }

    /** gx = gy where y > 0, else 0. */
    public static void reluBackward(INDArray y, INDArray gy, INDArray gx) {
        Scratch s = SCRATCH.get();
        int n = (int) y.length();
        float[] ys = s.a(n), g = s.b(n);
        floats(y).get(base(y), ys, 0, n);
        floats(gy).get(base(gy), g, 0, n);
        for (int k = 0; k < n; k++) g[k] = ys[k] > 0 ? g[k] : 0f;
        floats(gx).put(base(gx), g, 0, n);
    }

    /** Two growable float arrays per thread, so the kernels leave no garbage. */
    private static final class Scratch {
        private float[] a = new float[0], b = new float[0];

        float[] a(int n) {
            if (a.length < n) a = new float[n];
            return a;
        }

        float[] b(int n) {
            if (b.length < n) b = new float[n];
            return b;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Reads a float array's values into `dst` (reused, so no garbage per step), by any route the backend allows. */
    public static float[] read(INDArray a, float[] dst) {
        if (dst == null || dst.length != a.length()) dst = new float[Math.toIntExact(a.length())];
        if (applies(a)) floats(a).get(base(a), dst);
        else System.arraycopy(a.data().asFloat(), 0, dst, 0, dst.length);
        return dst;
    }

    /** Writes `src` into a contiguous array of its own (not a view), by any route the backend allows. */
    public static void write(float[] src, INDArray a) {
        if (applies(a)) floats(a).put(base(a), src);
        else a.data().setData(src);
    }

    /** Copies a contiguous float array (as {@link #applies} accepts) into the start of `dst`, which is long enough. */
    public static void copyIn(INDArray a, float[] dst) {
        floats(a).get(base(a), dst, 0, Math.toIntExact(a.length()));
    }

    /** Copies the start of `src` into a contiguous float array (as {@link #applies} accepts). */
    public static void copyOut(float[] src, INDArray a) {
        floats(a).put(base(a), src, 0, Math.toIntExact(a.length()));
    }

    /**
     * A contiguous float array's values as a buffer indexed from its first element, for loops
     * that copy it a chunk at a time: one buffer object per pass rather than one per chunk.
     */
    public static FloatBuffer values(INDArray a) {
        return floats(a).slice(base(a), Math.toIntExact(a.length()));
    }

    /** The whole underlying buffer: a view's elements start at its offset. */
    private static FloatBuffer floats(INDArray a) {
        return a.data().asNioFloat();
    }

    private static int base(INDArray a) {
        return Math.toIntExact(a.offset());
    }
}
