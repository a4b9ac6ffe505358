package nn.api.runtime;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/** The runtime of a multi-input operation; parameter-free. Buffers are reused as in {@link Layer}. */
public interface MergeLayer {
    INDArray forward(List<INDArray> inputs, boolean training);

    /** dLoss/dInput for each input of the last forward call, in order. */
    List<INDArray> backward(INDArray gradOutput);
}
