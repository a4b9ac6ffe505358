// The lecture CNN's convolution and pooling ops alone, channels-first (NCHW) against
// channels-last (NHWC), one training step's worth each at batch 64: CPU time per op call.
// Shows which kernels oneDNN picks per layout (run with DNNL_VERBOSE=1 to see them; add
// DNNL_MAX_CPU_ISA=AVX2 on an AVX-512 machine to see what an AVX2 machine runs). Run as a
// single-file program on nn.jar, with one thread:
//   OMP_NUM_THREADS=1 java -cp nn-cli/target/nn.jar benchmarks/ConvLayouts.java [REPETITIONS]
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.*;
import org.nd4j.linalg.factory.Nd4j;
import java.lang.management.*;

public class ConvLayouts {
    static ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    static void run(String name, long[] iargs, INDArray[] in, INDArray... out) {
        DynamicCustomOp op = DynamicCustomOp.builder(name).build();
        OpContext c = Nd4j.getExecutioner().buildContext();
        c.setIArguments(iargs); c.setInputArrays(in); c.setOutputArrays(out);
        Nd4j.getExecutioner().exec(op, c);
    }
    interface Step { void run(); }
    static double time(String label, int reps, Step s) {
        for (int i = 0; i < 3; i++) s.run();
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < reps; i++) s.run();
        double ms = (mx.getCurrentThreadCpuTime() - t0) / 1e6 / reps;
        System.out.printf("%-40s %8.2f ms CPU%n", label, ms);
        return ms;
    }
    public static void main(String[] a) {
        int N = 64, reps = Integer.parseInt(a.length > 0 ? a[0] : "10");
        Nd4j.getRandom().setSeed(1);
        for (int fmt = 0; fmt <= 1; fmt++) {
            final int f = fmt;
            String tag = fmt == 0 ? "NCHW" : "NHWC";
            INDArray x1 = fmt == 0 ? Nd4j.rand(DataType.FLOAT, N, 1, 28, 28) : Nd4j.rand(DataType.FLOAT, N, 28, 28, 1);
            INDArray w1 = Nd4j.rand(DataType.FLOAT, 32, 1, 3, 3), b1 = Nd4j.rand(DataType.FLOAT, 32);
            INDArray y1 = fmt == 0 ? Nd4j.create(DataType.FLOAT, N, 32, 28, 28) : Nd4j.create(DataType.FLOAT, N, 28, 28, 32);
            INDArray p1 = fmt == 0 ? Nd4j.create(DataType.FLOAT, N, 32, 14, 14) : Nd4j.create(DataType.FLOAT, N, 14, 14, 32);
            INDArray w2 = Nd4j.rand(DataType.FLOAT, 64, 32, 3, 3), b2 = Nd4j.rand(DataType.FLOAT, 64);
            INDArray y2 = fmt == 0 ? Nd4j.create(DataType.FLOAT, N, 64, 14, 14) : Nd4j.create(DataType.FLOAT, N, 14, 14, 64);
            INDArray p2 = fmt == 0 ? Nd4j.create(DataType.FLOAT, N, 64, 7, 7) : Nd4j.create(DataType.FLOAT, N, 7, 7, 64);
            long[] conv = {3, 3, 1, 1, 1, 1, 1, 1, 0, f, 1};
            long[] pool = {2, 2, 2, 2, 0, 0, 1, 1, 0, 0, f};
            INDArray gy1 = y1.like().assign(0.1), gx1 = x1.like(), gw1 = w1.like(), gb1 = b1.like();
            INDArray gy2 = y2.like().assign(0.1), gx2 = p1.like(), gw2 = w2.like(), gb2 = b2.like();
            INDArray gp1 = p1.like().assign(0.1), gpi1 = y1.like();
            INDArray gp2 = p2.like().assign(0.1), gpi2 = y2.like();
            double t = 0;
            t += time(tag + " conv1 fwd", reps, () -> run("conv2d", conv, new INDArray[]{x1, w1, b1}, y1));
            t += time(tag + " pool1 fwd", reps, () -> run("maxpool2d", pool, new INDArray[]{y1}, p1));
            t += time(tag + " conv2 fwd", reps, () -> run("conv2d", conv, new INDArray[]{p1, w2, b2}, y2));
            t += time(tag + " pool2 fwd", reps, () -> run("maxpool2d", pool, new INDArray[]{y2}, p2));
            t += time(tag + " pool2 bp", reps, () -> run("maxpool2d_bp", pool, new INDArray[]{y2, gp2}, gpi2));
            t += time(tag + " conv2 bp", reps, () -> run("conv2d_bp", conv, new INDArray[]{p1, w2, b2, gy2}, gx2, gw2, gb2));
            t += time(tag + " pool1 bp", reps, () -> run("maxpool2d_bp", pool, new INDArray[]{y1, gp1}, gpi1));
            t += time(tag + " conv1 bp", reps, () -> run("conv2d_bp", conv, new INDArray[]{x1, w1, b1, gy1}, gx1, gw1, gb1));
            System.out.printf("%s total %.2f ms%n%n", tag, t);
        }
    }
}
