package nn.stdlib;

import nn.api.graph.Shape;
import nn.stdlib.layer.Flatten;
import nn.stdlib.loss.CrossEntropy;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the hot path reuses between steps (views, staging arrays) never hands back stale values. */
class HotPathReuseTest {
    private final Random rng = new Random(3);

    private INDArray random(DataType type, long... shape) {
        INDArray a = Nd4j.create(type, shape);
        for (long i = 0; i < a.length(); i++) a.putScalar(i, rng.nextGaussian());
        return a;
    }

    @Test
    void flattenSeesNewValuesInTheSameBufferAndCopiesNonContiguousInputs() {
        Flatten flatten = new Flatten(Shape.of(2, 3));
        INDArray input = random(DataType.FLOAT, 4, 2, 3);
        flatten.forward(input, true);
        input.assign(random(DataType.FLOAT, 4, 2, 3)); // the next batch, written into the same buffer
        assertArrayEquals(input.reshape(4, 6).toFloatMatrix(), flatten.forward(input, true).toFloatMatrix());

        INDArray notContiguous = random(DataType.FLOAT, 4, 3, 2).permute(0, 2, 1);
        assertArrayEquals(notContiguous.dup('c').reshape(4, 6).toFloatMatrix(),
                flatten.forward(notContiguous, true).toFloatMatrix());
        notContiguous.assign(random(DataType.FLOAT, 4, 2, 3));
        assertArrayEquals(notContiguous.dup('c').reshape(4, 6).toFloatMatrix(),
                flatten.forward(notContiguous, true).toFloatMatrix());

        INDArray grad = random(DataType.FLOAT, 4, 6);
        flatten.forward(input, true);
        flatten.backward(grad);
        grad.assign(random(DataType.FLOAT, 4, 6));
        assertArrayEquals(grad.reshape(24).toFloatVector(), flatten.backward(grad).reshape(24).toFloatVector());
    }

    @Test
    void reluGradientIsTheSameThroughTheJavaKernelAndTheNativeOpsForLargeArrays() {
        nn.stdlib.activation.Relu relu = new nn.stdlib.activation.Relu();
        for (long[] shape : new long[][]{{4, 100}, {4, 40_000}}) { // below and above HostKernels.small
            INDArray x = random(DataType.FLOAT, shape), y = Nd4j.create(DataType.FLOAT, shape);
            INDArray gy = random(DataType.FLOAT, shape), gx = Nd4j.create(DataType.FLOAT, shape);
            relu.forward(x, y);
            relu.backward(x, y, gy, gx);
            float[] xs = x.reshape(x.length()).toFloatVector(), ys = y.reshape(y.length()).toFloatVector();
            float[] gys = gy.reshape(gy.length()).toFloatVector(), gxs = gx.reshape(gx.length()).toFloatVector();
            for (int i = 0; i < xs.length; i++) {
                assertEquals(Math.max(xs[i], 0f), ys[i], 0f);
                assertEquals(xs[i] > 0 ? gys[i] : 0f, gxs[i], 0f);
            }
        }
    }

    @Test
    void crossEntropyInFloat32MatchesFloat64StepAfterStep() {
        CrossEntropy loss = new CrossEntropy();
        for (int step = 0; step < 3; step++) {
            INDArray logits = random(DataType.DOUBLE, 8, 10);
            INDArray target = Nd4j.zeros(DataType.DOUBLE, 8, 10);
            for (int i = 0; i < 8; i++) target.putScalar(i, rng.nextInt(10), 1.0);
            INDArray g64 = Nd4j.create(DataType.DOUBLE, 8, 10);
            INDArray g32 = Nd4j.create(DataType.FLOAT, 8, 10);
            double expected = loss.forwardBackward(logits, target, g64);
            double actual = loss.forwardBackward(logits.castTo(DataType.FLOAT), target.castTo(DataType.FLOAT), g32);
            assertEquals(expected, actual, 1e-5);
            assertArrayEquals(g64.castTo(DataType.FLOAT).reshape(80).toFloatVector(), g32.reshape(80).toFloatVector(), 1e-6f);
            assertEquals(expected, loss.value(logits.castTo(DataType.FLOAT), target.castTo(DataType.FLOAT)), 1e-5);
        }
    }
}
