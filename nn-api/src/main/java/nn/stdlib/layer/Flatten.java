package nn.stdlib.layer;

import nn.api.graph.Shape;
import nn.api.runtime.Layer;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LayerProvider;
import org.nd4j.linalg.api.ndarray.INDArray;

/** [batch, d1, d2, ...] to [batch, d1*d2*...]: a view of the same memory, no copy. */
public final class Flatten implements Layer {
    private final long size;
    private long[] inputShape;
    /**
     * The last view made each way and what it was made from: layers hand the same buffers
     * every step, and a new view costs a native shape allocation (JavaCPP then checks the
     * process's physical memory, 2-3 % of an MLP step).
     */
    private INDArray viewedInput, flatView, viewedGradient, gradientView;

    public Flatten(Shape input) {
        this.size = input.size();
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        inputShape = input.shape();
        if (input != viewedInput || !contiguous(input)) {
            flatView = input.reshape('c', input.size(0), size);
            viewedInput = input;
        }
        return flatView;
    }

    /** Only a contiguous array's reshape is a view of it; any other is a copy, which must be made anew. */
    private static boolean contiguous(INDArray a) {
        return a.ordering() == 'c' && a.elementWiseStride() == 1;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        if (gradOutput != viewedGradient || !contiguous(gradOutput)
                || !java.util.Arrays.equals(gradientView.shape(), inputShape)) {
            gradientView = gradOutput.reshape('c', inputShape);
            viewedGradient = gradOutput;
        }
        return gradientView;
    }

    public static final class Provider extends BaseProvider implements LayerProvider {
        public Provider() {
            super("flatten", "flattens each example into a vector", Schema.empty());
        }

        @Override
        public Shape outputShape(Shape input, Args args) {
            return Shape.of(Math.toIntExact(input.size()));
        }

        @Override
        public Layer create(Shape input, Args args) {
            return new Flatten(input);
        }
    }
}
