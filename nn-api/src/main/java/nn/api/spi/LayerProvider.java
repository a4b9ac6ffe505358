package nn.api.spi;

import nn.api.graph.Shape;
import nn.api.graph.ShapeException;
import nn.api.runtime.Layer;
import nn.api.schema.Args;

/** A layer kind (`dense`, `flatten`, ...): shape inference without ND4J, and a factory. */
public interface LayerProvider extends Provider {

    /** The output shape for this input, or a ShapeException saying what was expected. Loads no native code. */
    Shape outputShape(Shape input, Args args) throws ShapeException;

    /** A fresh layer for this input shape; its parameters are allocated by the network. */
    Layer create(Shape input, Args args);
}
