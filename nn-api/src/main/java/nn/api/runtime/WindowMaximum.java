package nn.api.runtime;

/**
 * A layer that may say each of its outputs is the largest of a window of its inputs (max
 * pooling). A non-decreasing element-wise activation just before such a layer gives the same
 * values and gradients after it, where it touches a fraction of the values (relu before a 2 × 2
 * max pooling: a quarter), so the network runs it there.
 */
public interface WindowMaximum {

    /** True when every output is the maximum of some window of the inputs. */
    boolean takesMaxima();
}
