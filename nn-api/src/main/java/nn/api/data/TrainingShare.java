package nn.api.data;

/**
 * Which examples of a training split one reader keeps: a distributed worker that holds only its
 * share of the data asks a provider to drop the rest while reading, so its memory holds that share
 * and not the whole set. The split is the one {@code load} would return (after the provider's own
 * test split and limits); the rule for choosing belongs to the caller.
 */
@FunctionalInterface
public interface TrainingShare {

    /** The indices, ascending and distinct, of the examples to keep out of a training split of `count`. */
    int[] keep(int count);

    /** This share cut out of a data set read whole: the generic fallback for providers that cannot read in part. */
    default Dataset cut(Dataset whole) {
        Examples train = whole.train().select(keep(whole.train().count()));
        return new Dataset(whole.name(), train, whole.test(), whole.classNames(), whole.normalization(),
                whole.checksums(), whole.columns());
    }
}
