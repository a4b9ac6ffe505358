package org.example.clash;

import nn.api.graph.Shape;
import nn.api.runtime.Layer;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LayerProvider;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A plugin's layer that took the name of nn's own 'dense' (with another schema): the test kit must say so in one line. */
public final class DenseAgain extends BaseProvider implements LayerProvider {
    public DenseAgain() {
        super("dense", "a plugin's dense", Schema.of(Param.optional("width", ParamType.INT, 4, "output width")));
    }

    @Override
    public Shape outputShape(Shape input, Args args) {
        return input;
    }

    @Override
    public Layer create(Shape input, Args args) {
        return new Layer() {
            @Override
            public INDArray forward(INDArray x, boolean training) {
                return x.dup();
            }

            @Override
            public INDArray backward(INDArray gy) {
                return gy.dup();
            }
        };
    }
}
