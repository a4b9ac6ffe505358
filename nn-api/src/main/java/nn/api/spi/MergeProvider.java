package nn.api.spi;

import nn.api.graph.Shape;
import nn.api.graph.ShapeException;
import nn.api.runtime.MergeLayer;
import nn.api.schema.Args;

import java.util.List;

/**
 * An operation over several inputs (`add`, `concat`): what makes a graph a DAG. In a `.nn`
 * file its positional arguments are node references and its named ones its parameters.
 */
public interface MergeProvider extends Provider {

    /** The fewest inputs it takes (there is no upper bound). */
    default int minInputs() {
        return 2;
    }

    /** The output shape for these inputs, or a ShapeException saying what was expected. Loads no native code. */
    Shape outputShape(List<Shape> inputs, Args args) throws ShapeException;

    MergeLayer create(List<Shape> inputs, Args args);
}
