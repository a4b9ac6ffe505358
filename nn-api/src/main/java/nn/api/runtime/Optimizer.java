package nn.api.runtime;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/** Updates one flat parameter vector in place from the flat gradient vector. */
public interface Optimizer {
    void step(INDArray params, INDArray grads);

    /** The learning rate in force; schedules change it between epochs. */
    double learningRate();

    void setLearningRate(double lr);

    /** Everything needed to resume exactly: state vectors and counters, by name. */
    Map<String, INDArray> state();

    /** Restores what {@link #state()} returned (names and shapes must match). */
    void restore(Map<String, INDArray> state);
}
