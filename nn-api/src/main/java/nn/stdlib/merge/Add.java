package nn.stdlib.merge;

import nn.api.graph.Shape;
import nn.api.graph.ShapeException;
import nn.api.runtime.BatchBuffers;
import nn.api.runtime.MergeLayer;
import nn.api.schema.Args;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.MergeProvider;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Element-wise sum of inputs of one shape: the skip connection of a residual block. */
public final class Add implements MergeLayer {
    private final int inputs;
    private final BatchBuffers outputs;

    public Add(int inputs, Shape shape) {
        this.inputs = inputs;
        this.outputs = new BatchBuffers(shape.longDims());
    }

    @Override
    public INDArray forward(List<INDArray> in, boolean training) {
        INDArray out = outputs.get(in.get(0).size(0), in.get(0).dataType());
        out.assign(in.get(0));
        for (int i = 1; i < in.size(); i++) out.addi(in.get(i));
        return out;
    }

    /** d(sum)/d(input) is the identity: every input receives the output's gradient itself. */
    @Override
    public List<INDArray> backward(INDArray gradOutput) {
        return new ArrayList<>(Collections.nCopies(inputs, gradOutput));
    }

    public static final class Provider extends BaseProvider implements MergeProvider {
        public Provider() {
            super("add", "element-wise sum of inputs of the same shape", Schema.empty());
        }

        @Override
        public Shape outputShape(List<Shape> inputs, Args args) throws ShapeException {
            for (int i = 1; i < inputs.size(); i++) {
                if (!inputs.get(i).equals(inputs.get(0))) {
                    throw new ShapeException("add needs inputs of one shape, got " + inputs.get(0) + " and "
                            + inputs.get(i) + " (input " + (i + 1) + ")");
                }
            }
            return inputs.get(0);
        }

        @Override
        public MergeLayer create(List<Shape> inputs, Args args) {
            return new Add(inputs.size(), inputs.get(0));
        }
    }
}
