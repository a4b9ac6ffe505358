package nn.stdlib.merge;

import nn.api.graph.Shape;
import nn.api.graph.ShapeException;
import nn.api.graph.TensorSize;
import nn.api.runtime.BatchBuffers;
import nn.api.runtime.MergeLayer;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.MergeProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins inputs along one axis of the example (axis 0 is the first dimension after the batch):
 * channels of an inception block, features of parallel dense branches. Forward copies each
 * input into its slice of the output; backward copies each slice of the gradient out into a
 * contiguous buffer of its own, so the layers before see ordinary arrays.
 */
public final class Concat implements MergeLayer {
    private final int axis; // in the batch array: example axis + 1
    private final long[] offsets;
    private final long[] sizes;
    private final BatchBuffers outputs;
    private final List<BatchBuffers> inputGradients = new ArrayList<>();

    public Concat(List<Shape> inputs, Shape output, int exampleAxis) {
        this.axis = exampleAxis + 1;
        this.offsets = new long[inputs.size()];
        this.sizes = new long[inputs.size()];
        long offset = 0;
        for (int i = 0; i < inputs.size(); i++) {
            offsets[i] = offset;
            sizes[i] = inputs.get(i).dim(exampleAxis);
            offset += sizes[i];
            inputGradients.add(new BatchBuffers(inputs.get(i).longDims()));
        }
        this.outputs = new BatchBuffers(output.longDims());
    }

    @Override
    public INDArray forward(List<INDArray> in, boolean training) {
        INDArray out = outputs.get(in.get(0).size(0), in.get(0).dataType());
        for (int i = 0; i < in.size(); i++) out.get(slice(out.rank(), i)).assign(in.get(i));
        return out;
    }

    @Override
    public List<INDArray> backward(INDArray gradOutput) {
        List<INDArray> grads = new ArrayList<>(offsets.length);
        for (int i = 0; i < offsets.length; i++) {
            INDArray g = inputGradients.get(i).get(gradOutput.size(0), gradOutput.dataType());
            g.assign(gradOutput.get(slice(gradOutput.rank(), i)));
            grads.add(g);
        }
        return grads;
    }

    private INDArrayIndex[] slice(int rank, int input) {
        INDArrayIndex[] index = new INDArrayIndex[rank];
        for (int d = 0; d < rank; d++) index[d] = NDArrayIndex.all();
        index[axis] = NDArrayIndex.interval(offsets[input], offsets[input] + sizes[input]);
        return index;
    }

    public static final class Provider extends BaseProvider implements MergeProvider {
        public Provider() {
            super("concat", "joins inputs along an axis of the example (0 = first dimension after the batch)",
                    Schema.of(Param.optional("axis", ParamType.INT, 0, "the axis to join along").range(0.0, null)));
        }

        @Override
        public Shape outputShape(List<Shape> inputs, Args args) throws ShapeException {
            int axis = args.getInt("axis");
            Shape first = inputs.get(0);
            if (axis >= first.rank()) {
                throw new ShapeException("concat axis " + axis + " is out of range for inputs of rank " + first.rank()
                        + " " + first);
            }
            int[] out = first.dims();
            long joined = first.dim(axis); // summed in long: three inputs of 2^31 - 1 would wrap to a positive int
            for (int i = 1; i < inputs.size(); i++) {
                Shape s = inputs.get(i);
                boolean fits = s.rank() == first.rank();
                for (int d = 0; fits && d < s.rank(); d++) fits = d == axis || s.dim(d) == first.dim(d);
                if (!fits) {
                    throw new ShapeException("concat along axis " + axis + " needs inputs equal in every other axis, got "
                            + first + " and " + s + " (input " + (i + 1) + ")");
                }
                joined += s.dim(axis);
            }
            out[axis] = TensorSize.dimension("concat", "axis " + axis + " of the output", joined);
            return Shape.of(out);
        }

        @Override
        public MergeLayer create(List<Shape> inputs, Args args) {
            try {
                return new Concat(inputs, outputShape(inputs, args), args.getInt("axis"));
            } catch (ShapeException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }
}
