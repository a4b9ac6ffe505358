package nn.datasets;

import nn.api.data.DataException;
import nn.api.data.DataLocation;
import nn.api.data.Dataset;
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
