package nn.datasets.images;

import nn.api.data.DataException;
import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.data.ImageSet;
import nn.api.data.MappedImageSet;
import nn.api.schema.Args;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImagesProviderTest {
    @TempDir
    Path dir;

    /** A w x h picture of one grey level, as PNG or JPEG. */
    void picture(Path file, int w, int h, int grey) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(grey, grey, grey));
        g.fillRect(0, 0, w, h);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(img, file.toString().endsWith(".png") ? "png" : "jpg", file.toFile());
    }

    Dataset load(Path root, Object... keyValues) throws IOException {
        ImagesProvider p = new ImagesProvider();
        Map<String, Object> args = new LinkedHashMap<>();
        for (var param : p.schema().params()) if (!param.isRequired()) args.put(param.name(), param.defaultValue());
        args.put("dir", root.toString());
        args.put("size", List.of(4, 6));
        for (int i = 0; i < keyValues.length; i += 2) args.put((String) keyValues[i], keyValues[i + 1]);
        return p.load(new Args(args), new DataLocation(null, dir.resolve("cache"), true));
    }

    @Test
    void classFoldersOfAnySizeAreResizedSplitAndCachedByContent() throws IOException {
        Path root = dir.resolve("pics");
        for (int i = 0; i < 5; i++) {
            picture(root.resolve("cat/c" + i + ".png"), 10 + i, 7, 200);
            picture(root.resolve("dog/d" + i + ".jpg"), 3, 30, 40);
        }
        Dataset first = load(root, "test_split", 0.2, "seed", 3);
        assertEquals(List.of("cat", "dog"), first.classNames());
        assertEquals(8, first.train().count());
        assertEquals(2, first.test().count());
        MappedImageSet train = assertInstanceOf(MappedImageSet.class, first.train());
        assertEquals(24, train.featureSize());
        ImageSet heap = first.trainImages(8);
        for (int i = 0; i < 8; i++) {
            int expected = heap.label(i) == 0 ? 200 : 40;
            assertEquals(expected, heap.pixels()[i * 24 + 5] & 0xFF, 3, "image " + i);
        }
        try (var files = Files.list(dir.resolve("cache/image-cache"))) {
            assertEquals(1, files.count(), "one decoded cache file");
        }
        // Second load: mapped from the cache, same pixels and split.
        Dataset second = load(root, "test_split", 0.2, "seed", 3);
        assertArrayEquals(heap.pixels(), second.trainImages(8).pixels());
        // A changed picture is a new key, so a new cache file.
        picture(root.resolve("cat/c0.png"), 10, 7, 100);
        load(root, "test_split", 0.2, "seed", 3);
        try (var files = Files.list(dir.resolve("cache/image-cache"))) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void badFoldersAndImagesAreOneLineNamingThePath() throws IOException {
        Path root = dir.resolve("bad");
        picture(root.resolve("a/1.png"), 5, 5, 10);
        Files.createDirectories(root.resolve("b"));
        DataException empty = assertThrows(DataException.class, () -> load(root));
        assertEquals(root.resolve("b") + ": empty class folder (no .png, .jpg or .jpeg files)", empty.getMessage());

        picture(root.resolve("b/1.png"), 5, 5, 10);
        byte[] png = Files.readAllBytes(root.resolve("b/1.png"));
        Files.write(root.resolve("b/2.png"), java.util.Arrays.copyOf(png, png.length / 2));
        DataException truncated = assertThrows(DataException.class, () -> load(root, "test_split", 0.3));
        assertTrue(truncated.getMessage().startsWith(root.resolve("b/2.png") + ": unreadable or truncated image"),
                truncated.getMessage());

        DataException missing = assertThrows(DataException.class, () -> load(dir.resolve("nowhere")));
        assertEquals(dir.resolve("nowhere") + ": no such folder", missing.getMessage());
    }
}
