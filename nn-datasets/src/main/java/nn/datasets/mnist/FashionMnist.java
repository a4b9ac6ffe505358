package nn.datasets.mnist;

import nn.datasets.IdxDatasetSpec;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Fashion-MNIST (Zalando Research): MNIST's format and sizes, pictures of clothing instead of digits. */
public final class FashionMnist {
    public static final String NAME = "fashion_mnist";

    /**
     * SHA-256 of each decompressed file, computed from Debian's dataset-fashion-mnist package
     * (0.0~git20200523.55506a9-1). Debian recompressed the .gz files, so their MD5s differ from
     * the ones Zalando publishes; these decompressed hashes match those other projects derived
     * from Zalando's own archives.
     */
    public static final Map<String, String> SHA256 = Map.of(
            Mnist.TRAIN_IMAGES, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
            Mnist.TRAIN_LABELS, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
            Mnist.TEST_IMAGES, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
            Mnist.TEST_LABELS, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");

    public static final List<URI> MIRRORS = List.of(
            URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
            URI.create("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"));

    /** Where Debian's dataset-fashion-mnist package installs the files. */
    public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    public static final IdxDatasetSpec SPEC = new IdxDatasetSpec(NAME,
            "Fashion-MNIST clothing pictures: 60000 training and 10000 test images, 28x28 grey, 10 classes",
            new IdxDatasetSpec.Split(Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS),
            new IdxDatasetSpec.Split(Mnist.TEST_IMAGES, Mnist.TEST_LABELS),
            SHA256, 28, 28, CLASS_NAMES, MIRRORS, List.of(DEBIAN_DIRECTORY));

    private FashionMnist() {
    }
}
