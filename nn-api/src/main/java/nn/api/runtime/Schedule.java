package nn.api.runtime;

/** A learning-rate schedule: the factor the base rate is multiplied by in each epoch (1-based). */
public interface Schedule {
    double factor(int epoch);
}
