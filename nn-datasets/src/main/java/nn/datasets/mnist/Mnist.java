package nn.datasets.mnist;

import nn.datasets.IdxDatasetSpec;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The MNIST handwritten digits (LeCun, Cortes, Burges): the original four IDX files. */
public final class Mnist {
    public static final String NAME = "mnist";

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** SHA-256 of each decompressed file; the .gz files differ between mirrors, the content does not. */
    public static final Map<String, String> SHA256 = Map.of(
            TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    /** Tried in order. The original site (yann.lecun.com) often refuses downloads, so it is left out. */
    public static final List<URI> MIRRORS = List.of(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"));

    public static final List<String> CLASS_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    public static final IdxDatasetSpec SPEC = new IdxDatasetSpec(NAME,
            "MNIST handwritten digits: 60000 training and 10000 test images, 28x28 grey, 10 classes",
            new IdxDatasetSpec.Split(TRAIN_IMAGES, TRAIN_LABELS), new IdxDatasetSpec.Split(TEST_IMAGES, TEST_LABELS),
            SHA256, 28, 28, CLASS_NAMES, MIRRORS, List.of());

    private Mnist() {
    }
}
