package nn.datasets;

import nn.api.data.DataException;
import nn.api.data.DataLocation;
import nn.api.data.Dataset;
import nn.api.data.TrainingShare;
import nn.api.data.ImageSet;
import nn.datasets.download.MirrorDownloader;
import nn.datasets.idx.IdxArray;
import nn.datasets.idx.IdxReader;
import nn.datasets.idx.ImageSetReader;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads an {@link IdxDatasetSpec}: finds (or downloads) its four files, reads them, verifies
 * every checksum and builds the {@link Dataset}. Checksums are verified on every load, not only
 * after a download, so a corrupt or wrong file in a user's directory is caught by name.
 */
public final class IdxDatasetLoader {
    private final IdxDatasetSpec spec;
    private final MirrorDownloader downloader;

    public IdxDatasetLoader(IdxDatasetSpec spec) {
        this(spec, new MirrorDownloader(spec.mirrors()));
    }

    public IdxDatasetLoader(IdxDatasetSpec spec, MirrorDownloader downloader) {
        this.spec = spec;
        this.downloader = downloader;
    }

    public Dataset load(DataLocation location, DatasetArgs args) throws IOException {
        Path directory = DatasetDirectory.choose(spec, location);
        ImageSet train = readSplit(spec.train(), directory, location.offline());
        ImageSet test = readSplit(spec.test(), directory, location.offline());
        if (args.trainLimit() > 0) train = train.head(args.trainLimit());
        if (args.testLimit() > 0) test = test.head(args.testLimit());
        return new Dataset(spec.name(), train, test, spec.classNames(), args.normalization(), spec.checksums());
    }

    /**
     * Only `share` of the training split (after `train_limit`), for a worker that holds part of the
     * data: both training files are decoded and verified whole, but only the kept records are held.
     * The test split is left empty (such a worker does not evaluate), so its files are not read.
     */
    public Dataset load(DataLocation location, DatasetArgs args, TrainingShare share) throws IOException {
        Path directory = DatasetDirectory.choose(spec, location);
        IdxDatasetSpec.Split split = spec.train();
        Path imagesFile = locate(split.images(), directory, location.offline());
        Path labelsFile = locate(split.labels(), directory, location.offline());
        int[] imageCount = {0};
        int[] labelCount = {0};
        int[][] kept = new int[1][];
        IdxArray images = verify(IdxReader.readRecords(imagesFile, IdxReader.IMAGES_MAGIC, count -> {
            imageCount[0] = count;
            return kept[0] = share.keep(args.trainLimit() > 0 ? Math.min(count, args.trainLimit()) : count);
        }), split.images());
        IdxArray labels = verify(IdxReader.readRecords(labelsFile, IdxReader.LABELS_MAGIC, count -> {
            labelCount[0] = count;
            return count == imageCount[0] ? kept[0] : new int[0];
        }), split.labels());
        if (labelCount[0] != imageCount[0]) {
            throw new DataException(imagesFile + " holds " + imageCount[0] + " images but " + labelsFile + " holds "
                    + labelCount[0] + " labels");
        }
        ImageSet train = ImageSetReader.toImageSet(images, labels, spec.rows(), spec.cols(), spec.classes());
        return new Dataset(spec.name(), train, train.select(new int[0]), spec.classNames(), args.normalization(),
                spec.checksums());
    }

    private ImageSet readSplit(IdxDatasetSpec.Split split, Path directory, boolean offline) throws IOException {
        IdxArray images = verify(IdxReader.readImages(locate(split.images(), directory, offline)), split.images());
        IdxArray labels = verify(IdxReader.readLabels(locate(split.labels(), directory, offline)), split.labels());
        return ImageSetReader.toImageSet(images, labels, spec.rows(), spec.cols(), spec.classes());
    }

    /** The file, downloaded first when it is absent and downloading is allowed. */
    private Path locate(String name, Path directory, boolean offline) throws DataException {
        var found = DatasetDirectory.find(directory, name);
        if (found.isPresent()) return found.get();
        if (offline) {
            throw new DataException(directory.resolve(name) + " (or " + name + ".gz) not found and downloading is off;"
                    + " pass --data-dir or set NN_DATA_DIR to a directory that holds the " + spec.name() + " files");
        }
        return downloader.download(name, spec.sha256().get(name), directory);
    }

    private IdxArray verify(IdxArray array, String name) throws DataException {
        Sha256.verify(array.source(), spec.sha256().get(name), array.sha256(),
                "is this a " + spec.name() + " file? A corrupt file can be deleted to download it again");
        return array;
    }
}
