package nn.stdlib.layer;

import nn.api.graph.Shape;
import nn.api.graph.ShapeException;
import nn.api.graph.TensorSize;
import nn.api.runtime.Layer;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LayerProvider;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/** Each example to another shape with as many values, in row-major order: a view, no copy. */
public final class Reshape implements Layer {
    private final Shape target;
    private long[] inputShape;

    Reshape(Shape target) {
        this.target = target;
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        inputShape = input.shape();
        return input.reshape('c', target.withBatch(input.size(0)));
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        return gradOutput.reshape('c', inputShape);
    }

    /** `reshape(shape = [c, h, w])`; one dimension may be -1, meaning whatever makes the sizes agree. */
    public static final class Provider extends BaseProvider implements LayerProvider {
        public Provider() {
            super("reshape", "gives each example another shape with the same number of values", Schema.of(
                    Param.required("shape", ParamType.LIST,
                            "the new shape of one example, positive ints; one may be -1 (inferred)")));
        }

        @Override
        public Shape outputShape(Shape input, Args args) throws ShapeException {
            return target(input, (List<?>) args.asMap().get("shape"));
        }

        @Override
        public Layer create(Shape input, Args args) {
            try {
                return new Reshape(outputShape(input, args));
            } catch (ShapeException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        private static Shape target(Shape input, List<?> shape) throws ShapeException {
            if (shape.isEmpty()) throw new ShapeException("reshape: shape is empty; expected e.g. [1, 28, 28]");
            int[] dims = new int[shape.size()];
            int inferred = -1;
            long known = 1;
            for (int i = 0; i < dims.length; i++) {
                Object d = shape.get(i);
                if (!(d instanceof Integer n) || (n <= 0 && n != -1)) {
                    throw new ShapeException("reshape: shape " + shape + " has " + d
                            + "; expected positive ints and at most one -1");
                }
                if (n == -1) {
                    if (inferred >= 0) throw new ShapeException("reshape: shape " + shape + " has more than one -1");
                    inferred = i;
                } else {
                    dims[i] = n;
                    known = TensorSize.multiply(known, n); // saturates, never wraps: then no size matches
                }
            }
            long size = input.size();
            if (inferred >= 0) {
                if (size % known != 0) {
                    throw new ShapeException("reshape: cannot make " + input + " (" + size + " values) into " + shape
                            + ": " + size + " is not a multiple of " + known);
                }
                dims[inferred] = Math.toIntExact(size / known);
            } else if (known != size) {
                throw new ShapeException("reshape: " + input + " has " + size + " values but " + shape + " holds "
                        + TensorSize.count(known) + "; expected the same number");
            }
            return Shape.of(dims);
        }
    }
}
