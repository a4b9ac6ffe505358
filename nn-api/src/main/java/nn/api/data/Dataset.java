package nn.api.data;

import java.util.List;
import java.util.Map;

/**
 * A loaded data set: both splits, class names, the normalisation it was asked for, and the
 * SHA-256 of each file it read (recorded in checkpoints).
 */
public record Dataset(String name, ImageSet train, ImageSet test, List<String> classNames,
                      Normalization normalization, Map<String, String> checksums) {
}
