package nn.cli;

import nn.api.data.ImageSet;
import nn.api.data.Normalization;
import nn.api.inference.Softmax;
import nn.api.network.Network;
import nn.api.internal.kernels.Matrices;
import nn.api.train.BatchFeeder;
import nn.cli.plot.ImageGrid;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The lecture's strip of test images titled `P:predicted T:true`, wrong predictions in red. */
final class PredictionGrid {
    static final int MAX = 1000;

    private PredictionGrid() {
    }

    /** Predicts the first `n` examples of `test`, draws them into `file`, and returns how many were wrong. */
    static int write(Network network, ImageSet test, Normalization normalization, List<String> names, int n, Path file)
            throws IOException {
        if (n > MAX) throw new UserError("--grid " + n + ": at most " + MAX + " pictures fit in a grid");
        ImageSet first = test.head(n);
        int[] order = new int[first.count()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        INDArray logits = network.forward(new BatchFeeder(first, normalization, network.inputShape())
                .batch(order, 0, order.length).input, false);
        double[][] scores = Softmax.rows(Matrices.toArray(logits), order.length, (int) logits.size(1));
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        int wrong = 0;
        for (int i = 0; i < order.length; i++) {
            int predicted = Softmax.argmax(scores[i]);
            int truth = first.label(i);
            if (predicted != truth) wrong++;
            tiles.add(Tiles.of(first, i, "P:" + names.get(predicted) + " T:" + names.get(truth), predicted != truth));
        }
        ImageGrid.write(tiles, file);
        return wrong;
    }
}
