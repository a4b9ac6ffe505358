package nn.cli;

import nn.api.data.ImageSet;
import nn.cli.plot.ImageGrid;

import java.util.Arrays;

/** Turns data-set examples into titled tiles for an {@link ImageGrid}. */
final class Tiles {
    private Tiles() {
    }

    static ImageGrid.Tile of(ImageSet set, int index, String title, boolean flagged) {
        if (set.channels() != 1) {
            throw new UserError("image grids show grey pictures; this data set has " + set.channels() + " channels");
        }
        int size = set.imageSize();
        byte[] pixels = Arrays.copyOfRange(set.pixels(), index * size, (index + 1) * size);
        return new ImageGrid.Tile(pixels, set.rows(), set.cols(), title, flagged);
    }
}
