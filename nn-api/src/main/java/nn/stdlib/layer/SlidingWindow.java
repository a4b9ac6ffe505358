package nn.stdlib.layer;

import nn.api.graph.Shape;
import nn.api.graph.ShapeException;
import nn.api.graph.TensorSize;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;

/**
 * A square window sliding over [channels, height, width] images, as convolution and pooling
 * use it: kernel, stride, padding (a number of zeros on each side, or "same": as many as keep
 * ceil(size / stride), the extra one at the bottom and right) and dilation. Pure arithmetic,
 * shared by shape inference and by the layers, so both agree on every output size.
 */
record SlidingWindow(int kernel, int stride, int padding, boolean same, int dilation) {

    static final String SAME = "same";

    /** `padding = 1` or `padding = "same"`. */
    static Param paddingParam() {
        return Param.optional("padding", ParamType.INT_OR_STRING, 0,
                "zeros added on each side, or \"same\" to keep ceil(size / stride)").range(0.0, null).oneOf(SAME);
    }

    static SlidingWindow of(int kernel, int stride, Args args, int dilation) {
        Object padding = args.asMap().get("padding");
        boolean same = SAME.equals(padding);
        return new SlidingWindow(kernel, stride, same ? 0 : ((Number) padding).intValue(), same, dilation);
    }

    /** The span the dilated kernel covers (in long: a large kernel times a large dilation passes an int). */
    long extent() {
        return (kernel - 1L) * dilation + 1;
    }

    /** The padded size of an input side: in long, as twice a large padding passes an int. */
    private long padded(int in) {
        return in + 2L * padding;
    }

    /** Output height or width for an input of this size; zero or less when the window does not fit. */
    long outputLength(int in) {
        if (same) return (in + (long) stride - 1) / stride;
        long span = padded(in);
        return span < extent() ? 0 : (span - extent()) / stride + 1;
    }

    /**
     * Zeros before the first row or column of an input side this long: the padding, or for
     * "same" half the zeros it needs, the odd one going after the image.
     */
    int leadingPadding(int in) {
        if (!same) return padding;
        long total = Math.max(0, (outputLength(in) - 1) * stride + extent() - in);
        return (int) (total / 2);
    }

    /** {@link #outputLength} of a shape that shape inference accepted, where it fits an int. */
    int outputSize(int in) {
        return Math.toIntExact(outputLength(in));
    }

    /** The output [channels, h', w'] for an image input, or why the input does not fit. */
    Shape outputShape(String op, Shape input, int channels) throws ShapeException {
        requireImage(op, input);
        long h = outputLength(input.dim(1)), w = outputLength(input.dim(2));
        if (h <= 0 || w <= 0) {
            throw new ShapeException(op + ": the " + (dilation > 1 ? "dilated " : "") + "kernel spans " + extent()
                    + " pixels but the input " + input + " with padding " + padding + " is only "
                    + padded(input.dim(1)) + "x" + padded(input.dim(2))
                    + "; expected height and width + 2 * padding >= " + extent());
        }
        return Shape.of(channels, TensorSize.dimension(op, "the output height", h),
                TensorSize.dimension(op, "the output width", w));
    }

    static void requireImage(String op, Shape input) throws ShapeException {
        if (input.rank() != 3) {
            throw new ShapeException(op + " expects an image [channels, height, width], got " + input
                    + (input.rank() == 2 ? "; add the channel dimension with reshape(shape = [1, "
                    + input.dim(0) + ", " + input.dim(1) + "])" : ""));
        }
    }

    /** libnd4j's first nine integer arguments of conv2d and the pooling ops. */
    long[] nativeArgs(long... more) {
        long[] base = {kernel, kernel, stride, stride, padding, padding, dilation, dilation, same ? 1 : 0};
        long[] all = new long[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
