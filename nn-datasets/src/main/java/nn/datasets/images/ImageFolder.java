package nn.datasets.images;

import nn.api.data.DataException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** A folder with one sub-folder per class (sorted by name) of PNG and JPEG files. */
record ImageFolder(Path root, List<String> classes, List<Path> files, byte[] labels) {

    static ImageFolder scan(Path root, List<String> expectedClasses) throws DataException {
        if (!Files.isDirectory(root)) {
            throw new DataException(root + (Files.exists(root) ? ": not a folder" : ": no such folder"));
        }
        List<String> classes = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(classes::add);
        } catch (IOException e) {
            throw new DataException(root + ": cannot list: " + e.getMessage(), e);
        }
        if (classes.isEmpty()) throw new DataException(root + ": no class folders (one sub-folder of images per class)");
        if (classes.size() > 256) throw new DataException(root + ": " + classes.size() + " class folders, at most 256");
        if (expectedClasses != null && !expectedClasses.equals(classes)) {
            throw new DataException(root + ": class folders " + classes + " differ from the training folder's " + expectedClasses);
        }
        List<Path> files = new ArrayList<>();
        List<Byte> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            Path dir = root.resolve(classes.get(c));
            List<Path> images;
            try (Stream<Path> s = Files.list(dir)) {
                images = s.filter(p -> Files.isRegularFile(p) && isImage(p)).sorted().toList();
            } catch (NoSuchFileException e) {
                throw new DataException(dir + ": no such folder");
            } catch (IOException e) {
                throw new DataException(dir + ": cannot list: " + e.getMessage(), e);
            }
            if (images.isEmpty()) throw new DataException(dir + ": empty class folder (no .png, .jpg or .jpeg files)");
            files.addAll(images);
            for (int i = 0; i < images.size(); i++) labels.add((byte) c);
        }
        byte[] l = new byte[labels.size()];
        for (int i = 0; i < l.length; i++) l[i] = labels.get(i);
        return new ImageFolder(root, classes, files, l);
    }

    static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }
}
