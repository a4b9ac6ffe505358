package nn.datasets.idx;

import nn.api.data.DataException;
import nn.api.data.ImageSet;

/** Joins an images file and a labels file into one split, checking that they belong together. */
public final class ImageSetReader {
    private ImageSetReader() {
    }

    /** One-channel images of `rows` x `cols`: the size the data set promises and models are built for. */
    public static ImageSet toImageSet(IdxArray images, IdxArray labels, int rows, int cols, int classes)
            throws DataException {
        int[] d = images.dimensions();
        if (d[1] != rows || d[2] != cols) {
            throw new DataException(images.source() + ": images are " + d[1] + "x" + d[2] + ", expected "
                    + rows + "x" + cols);
        }
        if (images.count() != labels.count()) {
            throw new DataException(images.source() + " holds " + images.count() + " images but "
                    + labels.source() + " holds " + labels.count() + " labels");
        }
        byte[] l = labels.data();
        for (int i = 0; i < l.length; i++) {
            if ((l[i] & 0xFF) >= classes) {
                throw new DataException(labels.source() + ": label " + (l[i] & 0xFF) + " at index " + i
                        + " is outside 0.." + (classes - 1));
            }
        }
        return new ImageSet(images.data(), l, images.count(), 1, rows, cols, classes);
    }
}
