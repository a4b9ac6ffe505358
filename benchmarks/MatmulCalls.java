// The MLP's matrix products alone, two ways, call by call in turn so both see the same machine:
// libnd4j's `matmul` op through one kept op context (how Dense runs products of 2^22
// multiply-adds and more) and OpenBLAS's cblas_sgemm on the same arrays (how the CPU backend
// runs smaller ones). Wall time per call, best and median. GAP_US of busy Java work between
// calls stands for the rest of a training step: with two threads it shows what OpenMP's waiting
// thread costs when it has gone to sleep (compare GOMP_SPINCOUNT=10000 with 300000).
// Run as a single-file program on nn.jar; the thread count is OpenMP's:
//   OMP_NUM_THREADS=1 java -cp nn-cli/target/nn.jar benchmarks/MatmulCalls.java [GAP_US] [CALLS]
// benchmarks/torch_matmul.py times torch.mm on the same shapes.
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

public class MatmulCalls {
    /** m x k times k x n: the MLP's three layers at batch 1000 (inference), 64 (training) and 1 (one request). */
    static final int[][] SHAPES = {{1000, 784, 128}, {1000, 128, 64}, {1000, 64, 10}, {64, 784, 128},
            {64, 128, 64}, {64, 64, 10}, {1, 784, 128}, {1, 128, 64}, {1, 64, 10}};

    public static void main(String[] args) {
        long gapNanos = (args.length > 0 ? Long.parseLong(args[0]) : 0) * 1000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        CustomOp matmul = DynamicCustomOp.builder("matmul").build();
        System.out.printf("OpenMP threads %s, %d us between calls, %d calls a shape and way%n",
                System.getenv().getOrDefault("OMP_NUM_THREADS", "(default)"), gapNanos / 1000, calls);
        System.out.printf("%-17s %22s %22s %8s%n", "m x k x n", "op best / median us", "sgemm best / median us", "op/sgemm");
        for (int[] s : SHAPES) {
            INDArray a = Nd4j.rand(DataType.FLOAT, s[0], s[1]);
            INDArray b = Nd4j.rand(DataType.FLOAT, s[1], s[2]);
            INDArray c = Nd4j.create(DataType.FLOAT, s[0], s[2]);
            OpContext context = Nd4j.getExecutioner().buildContext();
            context.setIArguments(0, 0, 0);
            context.setTArguments(1.0, 0.0);
            long[] op = new long[calls], direct = new long[calls];
            for (int i = -calls / 10; i < calls; i++) { // the first tenth warms up
                gap(gapNanos);
                long start = System.nanoTime();
                context.setInputArrays(a, b);
                context.setOutputArrays(c);
                Nd4j.getExecutioner().exec(matmul, context);
                long opNanos = System.nanoTime() - start;
                gap(gapNanos);
                start = System.nanoTime();
                openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                        openblas_nolapack.CblasNoTrans, s[0], s[2], s[1], 1f, new FloatPointer(a.data().addressPointer()),
                        s[1], new FloatPointer(b.data().addressPointer()), s[2], 0f,
                        new FloatPointer(c.data().addressPointer()), s[2]);
                if (i >= 0) {
                    op[i] = opNanos;
                    direct[i] = System.nanoTime() - start;
                }
            }
            Arrays.sort(op);
            Arrays.sort(direct);
            System.out.printf("%4d x %3d x %3d  %10.1f / %9.1f %10.1f / %9.1f %8.2f%n", s[0], s[1], s[2],
                    op[0] / 1e3, op[calls / 2] / 1e3, direct[0] / 1e3, direct[calls / 2] / 1e3,
                    (double) op[calls / 2] / direct[calls / 2]);
        }
    }

    private static void gap(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) Thread.onSpinWait();
    }
}
