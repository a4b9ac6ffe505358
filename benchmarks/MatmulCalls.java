// The MLP's matrix products alone, called the way Dense calls them (libnd4j's `matmul` through
// one kept op context): wall time per call, best and median. GAP_US of busy Java work between
// calls stands for the rest of a training step: with two threads it shows what OpenMP's waiting
// thread costs when it has gone to sleep (compare GOMP_SPINCOUNT=10000 with 300000).
// Run as a single-file program on nn.jar; the thread count is OpenMP's:
//   OMP_NUM_THREADS=1 java -cp nn-cli/target/nn.jar benchmarks/MatmulCalls.java [GAP_US] [CALLS]
// benchmarks/torch_matmul.py times torch.mm on the same shapes.
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

public class MatmulCalls {
    /** m x k times k x n: the MLP's first two layers at batch 1000 (inference) and 64 (training). */
    static final int[][] SHAPES = {{1000, 784, 128}, {1000, 128, 64}, {64, 784, 128}, {64, 128, 64}};

    public static void main(String[] args) {
        long gapNanos = (args.length > 0 ? Long.parseLong(args[0]) : 0) * 1000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        CustomOp matmul = DynamicCustomOp.builder("matmul").build();
        System.out.printf("OpenMP threads %s, %d us between calls, %d calls a shape%n",
                System.getenv().getOrDefault("OMP_NUM_THREADS", "(default)"), gapNanos / 1000, calls);
        for (int[] s : SHAPES) {
            INDArray a = Nd4j.rand(DataType.FLOAT, s[0], s[1]);
            INDArray b = Nd4j.rand(DataType.FLOAT, s[1], s[2]);
            INDArray c = Nd4j.create(DataType.FLOAT, s[0], s[2]);
            OpContext context = Nd4j.getExecutioner().buildContext();
            context.setIArguments(0, 0, 0);
            context.setTArguments(1.0, 0.0);
            long[] nanos = new long[calls];
            for (int i = -calls / 10; i < calls; i++) { // the first tenth warms up
                long gapEnd = System.nanoTime() + gapNanos;
                while (System.nanoTime() < gapEnd) Thread.onSpinWait();
                long start = System.nanoTime();
                context.setInputArrays(a, b);
                context.setOutputArrays(c);
                Nd4j.getExecutioner().exec(matmul, context);
                if (i >= 0) nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            double flop = 2.0 * s[0] * s[1] * s[2];
            System.out.printf("%4d x %3d x %3d  best %8.1f us  median %8.1f us  (%.1f GFLOP/s at the median)%n",
                    s[0], s[1], s[2], nanos[0] / 1e3, nanos[calls / 2] / 1e3, flop / nanos[calls / 2]);
        }
    }
}
